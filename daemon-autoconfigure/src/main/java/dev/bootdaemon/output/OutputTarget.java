package dev.bootdaemon.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.syslog.SyslogFormat;
import dev.bootdaemon.syslog.SyslogForwarder;

/**
 * Where the daemon's file descriptors 1 and 2 go, as the launcher sees it: checked,
 * prepared and read back before and while the daemon starts. They are redirected before
 * the daemon's JVM starts, so everything lands there: {@code System.out}, logging and
 * the JVM's own native messages. The daemon's side is {@link AttachedOutput}.
 */
public sealed interface OutputTarget permits FileOutput, DiscardedOutput, SyslogOutput, ConsoleOutput {

	/**
	 * The longest syslog tag, RFC 3164's; rsyslog and journald take no more by default.
	 */
	int SYSLOG_TAG_MAX = 32;

	/**
	 * Output appended to a file.
	 * @param file the file, absolute
	 * @param user the user the daemon switches to, whose file root may append to, or
	 * {@code null}
	 * @return the target
	 */
	static OutputTarget file(Path file, @Nullable String user) {
		return new FileOutput(file, user);
	}

	/**
	 * Output discarded.
	 * @return the target
	 */
	static OutputTarget discarded() {
		return DiscardedOutput.INSTANCE;
	}

	/**
	 * Output left on the process's own standard output and error.
	 * @return the target
	 */
	static OutputTarget console() {
		return ConsoleOutput.INSTANCE;
	}

	/**
	 * Output sent to syslog.
	 * @param address where syslog listens, as {@code daemon.syslog.address} has it
	 * @param format the message format, or {@code null} for the transport's default
	 * @param facility the facility name
	 * @param tag the tag of each message, cut to {@link #SYSLOG_TAG_MAX} characters
	 * @param bufferLines how many lines to hold while syslog is slow or away
	 * @return the target
	 * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
	 * if the address
	 * or facility is invalid
	 */
	static OutputTarget syslog(String address, @Nullable SyslogFormat format, String facility, String tag,
			int bufferLines) {
		return new SyslogOutput(SyslogForwarder.validate(address, facility), format, facility, tag, bufferLines);
	}

	/**
	 * Returns the file this target writes, to be validated before launch.
	 * @return the file, or {@code null} if there is none
	 */
	@Nullable Path file();

	/**
	 * Tells, before launch, whether the target can be reached now.
	 * @param posix the libc binding
	 * @return why not, or empty if it can
	 */
	default Optional<String> unreachable(Posix posix) {
		return Optional.empty();
	}

	/**
	 * Creates what the daemon's descriptors will be opened on.
	 * @param privateDirectory a directory only this user can enter, removed once the
	 * daemon runs, for pipes
	 * @param posix the libc binding
	 * @return the paths for descriptors 1 and 2
	 * @throws IOException if that fails
	 */
	StandardStreams prepare(Path privateDirectory, Posix posix) throws IOException;

	/**
	 * Points this process's own descriptors 1 and 2 at the target, for a daemon that
	 * does not detach.
	 * @param privateDirectory a directory only this user can enter, for pipes
	 * @param posix the libc binding
	 * @throws IOException if that fails
	 */
	default void redirectThisProcess(Path privateDirectory, Posix posix) throws IOException {
		prepare(privateDirectory, posix).redirect(posix);
	}

	/**
	 * Starts whatever the daemon needs to serve this target, once it runs.
	 * @param privateDirectory the directory given to {@link #prepare}
	 * @param posix the libc binding
	 * @return the daemon's side of the output
	 */
	AttachedOutput attach(Path privateDirectory, Posix posix);

	/**
	 * Returns the value of this target as the properties say it: the output file, the
	 * syslog address, {@code none} or {@code console}.
	 * @return the value
	 */
	String value();

	/**
	 * Returns how the launcher's summary line names this target.
	 * @return a short description such as {@code output /var/log/app.out}
	 */
	String description();

	/**
	 * Returns a mark of how much output there is now.
	 * @return the mark
	 */
	default long mark() {
		return 0;
	}

	/**
	 * Returns the last lines written since a mark, to show why a start failed.
	 * @param mark a mark from {@link #mark()}
	 * @param max how many lines at most
	 * @return the lines, empty if output is not kept
	 */
	default List<String> linesSince(long mark, int max) {
		return List.of();
	}

	/**
	 * Returns the {@code logger(1)} command that sends a message where this target sends
	 * the daemon's lines, as the daemon would, for a process that is not the daemon (its
	 * supervisor).
	 * @param severity the message's severity, such as {@code warning}
	 * @return the command, the message to follow; empty if this target is not syslog
	 */
	default List<String> logger(String severity) {
		return List.of();
	}

}
