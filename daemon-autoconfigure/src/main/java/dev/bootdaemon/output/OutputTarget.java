package dev.bootdaemon.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;

/**
 * Where the daemon's file descriptors 1 and 2 point. They are redirected before the
 * daemon's JVM starts, so everything lands there: {@code System.out}, logging and the
 * JVM's own native messages.
 */
public sealed interface OutputTarget permits FileOutput, DiscardedOutput {

	/**
	 * Output appended to a file.
	 * @param file the file, absolute
	 * @return the target
	 */
	static OutputTarget file(Path file) {
		return new FileOutput(file);
	}

	/**
	 * Output discarded.
	 * @return the target
	 */
	static OutputTarget discarded() {
		return DiscardedOutput.INSTANCE;
	}

	/**
	 * Returns the file this target writes, to be validated before launch.
	 * @return the file, or {@code null} if there is none
	 */
	@Nullable Path file();

	/**
	 * Creates what the daemon's descriptors will be opened on, in the launcher.
	 * @throws IOException if that fails
	 */
	void prepare() throws IOException;

	/**
	 * Returns the path the daemon's descriptors 1 and 2 are opened on, for appending.
	 * @return the path
	 */
	Path descriptorTarget();

	/**
	 * Points this process's descriptors 1 and 2 at this target, opening (or, after a
	 * log rotation, creating) it anew.
	 * @param posix the libc binding
	 */
	default void redirectStandardStreams(Posix posix) {
		posix.redirectStandardStreams(descriptorTarget(), FileOutput.MODE);
	}

	/**
	 * Returns how the launcher's summary line names this target.
	 * @return a short description such as {@code output /var/log/app.out}
	 */
	String description();

	/**
	 * Returns a mark of how much output there is now.
	 * @return the mark
	 */
	long mark();

	/**
	 * Returns the last lines written since a mark, to show why a start failed.
	 * @param mark a mark from {@link #mark()}
	 * @param max how many lines at most
	 * @return the lines, empty if output is not kept
	 */
	List<String> linesSince(long mark, int max);

}
