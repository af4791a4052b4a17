package dev.bootdaemon.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;

/**
 * What the daemon's descriptors 1 and 2 are opened on.
 *
 * @param stdout the path for descriptor 1
 * @param stderr the path for descriptor 2
 * @param pipes whether they are named pipes, opened for reading and writing, rather
 * than files opened for appending
 * @param held what this process holds open until the daemon has opened the paths
 * (the output file, which the daemon opens through this process's descriptor), or
 * {@code null}
 */
public record StandardStreams(Path stdout, Path stderr, boolean pipes, @Nullable Closeable held) implements Closeable {

	// The documented mode of an output file the daemon creates.
	static final int FILE_MODE = 0640;

	/**
	 * Creates streams on paths that need nothing held open.
	 * @param stdout the path for descriptor 1
	 * @param stderr the path for descriptor 2
	 * @param pipes whether they are named pipes
	 */
	public StandardStreams(Path stdout, Path stderr, boolean pipes) {
		this(stdout, stderr, pipes, null);
	}

	/**
	 * Points this process's descriptors 1 and 2 at these paths.
	 * @param posix the libc binding
	 */
	public void redirect(Posix posix) {
		if (this.pipes) {
			posix.redirectStandardStreamsToPipes(this.stdout, this.stderr);
		}
		else {
			int fd = posix.openForAppend(this.stdout, FILE_MODE);
			try {
				posix.redirectStandardStreams(fd);
			}
			finally {
				posix.close(fd);
			}
		}
	}

	/**
	 * Lets go of what was held open for the daemon, once it runs.
	 * @throws IOException if closing fails
	 */
	@Override
	public void close() throws IOException {
		if (this.held != null) {
			this.held.close();
		}
	}

}
