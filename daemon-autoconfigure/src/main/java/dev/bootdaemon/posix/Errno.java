package dev.bootdaemon.posix;

/**
 * The {@code errno} values the binding tells apart (Linux, every architecture).
 */
final class Errno {

	/** The file already exists. */
	static final int EEXIST = 17;

	/** An invalid argument, here: a flag the file system does not support. */
	static final int EINVAL = 22;

	/** The operation would block: a lock is held elsewhere. */
	static final int EWOULDBLOCK = 11;

	/** A result does not fit: here, a user or group entry in the buffer given. */
	static final int ERANGE = 34;

	/** The system call does not exist in this kernel. */
	static final int ENOSYS = 38;

	/** The socket is of another type than asked for. */
	static final int EPROTOTYPE = 91;

	private Errno() {
	}

}
