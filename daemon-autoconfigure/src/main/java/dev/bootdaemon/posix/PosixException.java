package dev.bootdaemon.posix;

/**
 * A failed libc call, with its errno turned into a readable message.
 */
public class PosixException extends RuntimeException {

	private final int errno;

	PosixException(String call, int errno, String reason) {
		super(call + " failed: " + reason + " (errno " + errno + ")");
		this.errno = errno;
	}

	/**
	 * Tells whether the call met a socket of another type than it asked for, such as a
	 * stream socket where a datagram socket was expected.
	 * @return whether it did
	 */
	public boolean isWrongSocketType() {
		return this.errno == Errno.EPROTOTYPE;
	}

}
