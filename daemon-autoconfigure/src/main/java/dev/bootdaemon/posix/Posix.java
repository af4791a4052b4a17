package dev.bootdaemon.posix;

import java.nio.file.Path;

/**
 * The few libc calls a daemon needs that the JDK does not offer. No JNA type appears
 * here, so callers never load JNA until they ask for an instance.
 *
 * @see #load()
 */
public interface Posix {

	/**
	 * Opens a file read-only with {@code O_CLOEXEC}, so that processes the daemon starts
	 * do not inherit it.
	 * @param path the file
	 * @return the file descriptor
	 * @throws PosixException if {@code open(2)} fails
	 */
	int openReadOnly(Path path);

	/**
	 * Takes an exclusive {@code flock(2)} lock without waiting. Unlike the JDK's
	 * {@code fcntl} locks, it belongs to the open file description, so it is not lost
	 * when other code in the process opens and closes the same file.
	 * @param fd the file descriptor
	 * @return {@code true} if the lock was taken, {@code false} if another holds it
	 * @throws PosixException if {@code flock(2)} fails for another reason
	 */
	boolean tryLockExclusive(int fd);

	/**
	 * Closes a file descriptor, releasing any lock taken on it.
	 * @param fd the file descriptor
	 * @throws PosixException if {@code close(2)} fails
	 */
	void close(int fd);

	/**
	 * Returns the libc binding of this platform.
	 * @return the binding
	 * @throws UnsupportedPlatformException if this is not Linux or JNA is missing
	 */
	static Posix load() {
		return PosixProvider.load();
	}

}
