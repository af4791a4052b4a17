package dev.bootdaemon.output;

import java.nio.file.Path;

import dev.bootdaemon.posix.Posix;

/**
 * What the daemon's descriptors 1 and 2 are opened on.
 *
 * @param stdout the path for descriptor 1
 * @param stderr the path for descriptor 2
 * @param pipes whether they are named pipes, opened for reading and writing, rather
 * than files opened for appending
 */
public record StandardStreams(Path stdout, Path stderr, boolean pipes) {

	/**
	 * Points this process's descriptors 1 and 2 at these paths.
	 * @param posix the libc binding
	 */
	public void redirect(Posix posix) {
		if (this.pipes) {
			posix.redirectStandardStreamsToPipes(this.stdout, this.stderr);
		}
		else {
			posix.redirectStandardStreams(this.stdout, FileOutput.MODE);
		}
	}

}
