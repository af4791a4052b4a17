package dev.bootdaemon.posix;

import java.nio.file.Path;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * {@link Posix} on Linux through JNA. The only class that sees JNA types.
 */
final class JnaPosix implements Posix {

	// Values shared by Linux x86_64 and aarch64 (asm-generic).
	private static final int O_RDONLY = 0;

	private static final int O_CLOEXEC = 02000000;

	private static final int LOCK_EX = 2;

	private static final int LOCK_NB = 4;

	private static final int EWOULDBLOCK = 11;

	private final LibC libc = Native.load("c", LibC.class);

	@Override
	public int openReadOnly(Path path) {
		try {
			return this.libc.open(path.toString(), O_RDONLY | O_CLOEXEC);
		}
		catch (LastErrorException ex) {
			throw failure("open(" + path + ")", ex);
		}
	}

	@Override
	public boolean tryLockExclusive(int fd) {
		try {
			this.libc.flock(fd, LOCK_EX | LOCK_NB);
			return true;
		}
		catch (LastErrorException ex) {
			if (ex.getErrorCode() == EWOULDBLOCK) {
				return false;
			}
			throw failure("flock(" + fd + ")", ex);
		}
	}

	@Override
	public void close(int fd) {
		try {
			this.libc.close(fd);
		}
		catch (LastErrorException ex) {
			throw failure("close(" + fd + ")", ex);
		}
	}

	private PosixException failure(String call, LastErrorException ex) {
		int errno = ex.getErrorCode();
		return new PosixException(call, errno, this.libc.strerror(errno));
	}

	/**
	 * libc as JNA maps it; {@code LastErrorException} carries {@code errno}.
	 */
	interface LibC extends Library {

		/** open(2): a file descriptor, or -1 with errno. */
		int open(String path, int flags) throws LastErrorException;

		/** close(2): 0, or -1 with errno. */
		int close(int fd) throws LastErrorException;

		/** flock(2): 0, or -1 with errno (EWOULDBLOCK when LOCK_NB meets a lock). */
		int flock(int fd, int operation) throws LastErrorException;

		/** strerror(3): the message of an errno. */
		String strerror(int errno);

	}

}
