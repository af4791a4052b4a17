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
	 * Returns the {@code errno} of the failed call.
	 * @return the error number
	 */
	public int getErrno() {
		return this.errno;
	}

}
