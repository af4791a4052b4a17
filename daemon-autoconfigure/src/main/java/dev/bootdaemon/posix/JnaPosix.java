package dev.bootdaemon.posix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import org.jspecify.annotations.Nullable;

/**
 * {@link Posix} on Linux through JNA. The only class that sees JNA types.
 */
final class JnaPosix implements Posix {

	// Values shared by Linux x86_64 and aarch64 (asm-generic).
	private static final int O_RDONLY = 0;

	private static final int O_WRONLY = 01;

	private static final int O_RDWR = 02;

	private static final int O_CREAT = 0100;

	private static final int O_APPEND = 02000;

	// Not shared: arm64 has its own (asm/fcntl.h).
	private static final int O_NOFOLLOW = "aarch64".equals(System.getProperty("os.arch")) ? 0100000 : 0400000;

	private static final int O_CLOEXEC = 02000000;

	private static final int LOCK_EX = 2;

	private static final int LOCK_NB = 4;

	private static final int AF_UNIX = 1;

	private static final int SOCK_DGRAM = 2;

	private static final int SOCK_CLOEXEC = 02000000;

	private static final int MSG_NOSIGNAL = 0x4000;

	private static final int SOL_SOCKET = 1;

	private static final int SO_SNDBUF = 7;

	private static final int SUN_PATH_MAX = 108;

	private static final int AT_FDCWD = -100;

	private static final int RENAME_NOREPLACE = 1;

	private static final int F_DUPFD_CLOEXEC = 1030;

	private static final int SCHED_BATCH = 3;

	// Where a user or group entry's strings go; doubled while the call says ERANGE.
	private static final int FIRST_BUFFER = 1024;

	private static final int LAST_BUFFER = 1 << 20;

	private final LibC libc = Native.load("c", LibC.class);

	// Only syslog's sender sends batches; allocated on its first send.
	private final ThreadLocal<DatagramVector> datagramVector = ThreadLocal.withInitial(DatagramVector::new);

	@Override
	public int openReadOnly(Path path) {
		return check(this.libc.open(path.toString(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0), "open(" + path + ")");
	}

	@Override
	public boolean tryLockExclusive(int fd) {
		if (this.libc.flock(fd, LOCK_EX | LOCK_NB) == 0) {
			return true;
		}
		int errno = Native.getLastError();
		if (errno == Errno.EWOULDBLOCK) {
			return false;
		}
		throw failure("flock(" + fd + ")", errno);
	}

	@Override
	public void close(int fd) {
		check(this.libc.close(fd), "close(" + fd + ")");
	}

	@Override
	public int openForAppend(Path path, int mode) {
		return check(this.libc.open(path.toString(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode),
				"open(" + path + ")");
	}

	@Override
	public void redirectStandardStreams(int fd) {
		check(this.libc.dup2(fd, 1), "dup2(" + fd + ", 1)");
		check(this.libc.dup2(fd, 2), "dup2(" + fd + ", 2)");
	}

	@Override
	public void redirectStandardStreamsToPipes(Path stdout, Path stderr) {
		Path[] pipes = { stdout, stderr };
		for (int target = 1; target <= 2; target++) {
			Path pipe = pipes[target - 1];
			int fd = check(this.libc.open(pipe.toString(), O_RDWR | O_CLOEXEC, 0), "open(" + pipe + ")");
			try {
				check(this.libc.dup2(fd, target), "dup2(" + pipe + ", " + target + ")");
			}
			finally {
				close(fd);
			}
		}
	}

	@Override
	public boolean renameNoReplace(Path source, Path target) {
		if (this.libc.renameat2(AT_FDCWD, source.toString(), AT_FDCWD, target.toString(), RENAME_NOREPLACE) == 0) {
			return true;
		}
		int errno = Native.getLastError();
		if (errno == Errno.EEXIST) {
			return false;
		}
		if (errno != Errno.EINVAL && errno != Errno.ENOSYS) {
			throw failure("renameat2(" + source + ", " + target + ")", errno);
		}
		// A file system or kernel without RENAME_NOREPLACE: link, which also never
		// replaces, then remove the source.
		try {
			Files.createLink(target, source);
			Files.delete(source);
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new PosixException("link(" + source + ", " + target + ")", 0, ex.getMessage());
		}
	}

	@Override
	public int duplicate(int fd) {
		return check(this.libc.fcntl(fd, F_DUPFD_CLOEXEC, 3), "fcntl(" + fd + ", F_DUPFD_CLOEXEC)");
	}

	@Override
	public void moveDescriptor(int fd, int target) {
		check(this.libc.dup2(fd, target), "dup2(" + fd + ", " + target + ")");
		close(fd);
	}

	@Override
	public void makeFifo(Path path, int mode) {
		check(this.libc.mkfifo(path.toString(), mode), "mkfifo(" + path + ")");
	}

	@Override
	public int connectDatagram(String socket) {
		byte[] address = socketAddress(socket);
		int fd = check(this.libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0), "socket(AF_UNIX)");
		if (this.libc.connect(fd, address, address.length) == -1) {
			int errno = Native.getLastError();
			close(fd);
			throw failure("connect(" + socket + ")", errno);
		}
		return fd;
	}

	@Override
	public void setSendBuffer(int fd, int bytes) {
		check(this.libc.setsockopt(fd, SOL_SOCKET, SO_SNDBUF, new int[] { bytes }, Integer.BYTES),
				"setsockopt(" + fd + ", SO_SNDBUF, " + bytes + ")");
	}

	@Override
	public int sendDatagrams(int fd, byte[] data, int[] ends, int from, int to) {
		DatagramVector vector = this.datagramVector.get();
		int sent = DirectLibC.sendmmsg(fd, vector.messages(), vector.fill(data, ends, from, to), MSG_NOSIGNAL);
		if (sent == -1) {
			throw failure("sendmmsg(" + fd + ")", Native.getLastError());
		}
		return sent;
	}

	@Override
	public void scheduleCallingThreadAsBatch() {
		// Thread id 0: the calling thread; struct sched_param holds the priority alone,
		// 0 outside the real-time policies.
		check(this.libc.sched_setscheduler(0, SCHED_BATCH, new int[] { 0 }), "sched_setscheduler(SCHED_BATCH)");
	}

	@Override
	public void umask(int mask) {
		this.libc.umask(mask);
	}

	@Override
	public @Nullable Account user(String name) {
		Passwd passwd = new Passwd();
		return lookUp("getpwnam_r(" + name + ")",
				(buffer, result) -> this.libc.getpwnam_r(name, passwd, buffer, buffer.length, result))
			? new Account(passwd.pw_uid, passwd.pw_gid) : null;
	}

	@Override
	public @Nullable Integer group(String name) {
		Group group = new Group();
		return lookUp("getgrnam_r(" + name + ")",
				(buffer, result) -> this.libc.getgrnam_r(name, group, buffer, buffer.length, result))
			? group.gr_gid : null;
	}

	// The reentrant lookups return the error rather than set errno, and say ERANGE while
	// the buffer is too small for the entry's strings.
	private boolean lookUp(String call, Lookup lookup) {
		for (int size = FIRST_BUFFER; size <= LAST_BUFFER; size *= 2) {
			PointerByReference result = new PointerByReference();
			int error = lookup.call(new byte[size], result);
			if (error == 0) {
				return result.getValue() != null;
			}
			if (error != Errno.ERANGE) {
				throw failure(call, error);
			}
		}
		throw failure(call, Errno.ERANGE);
	}

	@Override
	public void switchUser(String user, int uid, int gid) {
		check(this.libc.initgroups(user, gid), "initgroups(" + user + ", " + gid + ")");
		check(this.libc.setgid(gid), "setgid(" + gid + ")");
		check(this.libc.setuid(uid), "setuid(" + uid + ")");
		if (uid != 0 && this.libc.setuid(0) == 0) {
			throw new PosixException("setuid(0) after switching to " + user, 0, "root could be regained");
		}
	}

	@Override
	public void sendDatagram(String socket, byte[] message) {
		int fd = connectDatagram(socket);
		try {
			if (DirectLibC.send(fd, message, message.length, MSG_NOSIGNAL) == -1) {
				throw failure("send(" + socket + ")", Native.getLastError());
			}
		}
		finally {
			close(fd);
		}
	}

	// struct sockaddr_un: the family, then the path with its NUL, or for the abstract
	// namespace a NUL and the name without one.
	private static byte[] socketAddress(String socket) {
		boolean abstractName = socket.startsWith("@");
		byte[] name = (abstractName ? socket.substring(1) : socket).getBytes(StandardCharsets.UTF_8);
		if (name.length + 1 > SUN_PATH_MAX) {
			throw new PosixException("connect(" + socket + ")", 36, "socket path too long");
		}
		byte[] address = new byte[2 + 1 + name.length];
		address[0] = (byte) AF_UNIX;
		System.arraycopy(name, 0, address, abstractName ? 3 : 2, name.length);
		return address;
	}

	// The return value says whether a call failed; errno alone does not, as libc may
	// leave it set by some inner step of a call that succeeded.
	private int check(int result, String call) {
		if (result == -1) {
			throw failure(call, Native.getLastError());
		}
		return result;
	}

	private PosixException failure(String call, int errno) {
		return new PosixException(call, errno, this.libc.strerror(errno));
	}

	/**
	 * The calls on a hot path, syslog's and the watchdog's sends, mapped directly: a JNA
	 * interface proxy costs several microseconds a call, a direct mapping a fraction of
	 * that.
	 */
	static final class DirectLibC {

		static {
			Native.register("c");
		}

		private DirectLibC() {
		}

		/** send(2): bytes sent, or -1 with errno. */
		static native long send(int fd, byte[] buffer, long length, int flags);

		/** sendmmsg(2): messages sent, or -1 with errno. */
		static native int sendmmsg(int fd, Pointer messages, int count, int flags);

	}

	/**
	 * {@code struct passwd} of {@code <pwd.h>}, laid out by JNA as the C compiler does.
	 */
	@Structure.FieldOrder({ "pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell" })
	public static final class Passwd extends Structure {

		/** User name. */
		public @Nullable Pointer pw_name;

		/** Password, or a placeholder. */
		public @Nullable Pointer pw_passwd;

		/** User id ({@code uid_t}). */
		public int pw_uid;

		/** Primary group id ({@code gid_t}). */
		public int pw_gid;

		/** User information. */
		public @Nullable Pointer pw_gecos;

		/** Home directory. */
		public @Nullable Pointer pw_dir;

		/** Shell. */
		public @Nullable Pointer pw_shell;

	}

	/**
	 * {@code struct group} of {@code <grp.h>}, laid out by JNA as the C compiler does.
	 */
	@Structure.FieldOrder({ "gr_name", "gr_passwd", "gr_gid", "gr_mem" })
	public static final class Group extends Structure {

		/** Group name. */
		public @Nullable Pointer gr_name;

		/** Password, or a placeholder. */
		public @Nullable Pointer gr_passwd;

		/** Group id ({@code gid_t}). */
		public int gr_gid;

		/** Members, a NULL-terminated array of names. */
		public @Nullable Pointer gr_mem;

	}

	@FunctionalInterface
	private interface Lookup {

		int call(byte[] buffer, PointerByReference result);

	}

	/**
	 * libc as JNA maps it. JNA keeps each call's {@code errno} for
	 * {@link Native#getLastError()}.
	 */
	interface LibC extends Library {

		/** open(2): a file descriptor, or -1 with errno. */
		int open(String path, int flags, int mode);

		/** close(2): 0, or -1 with errno. */
		int close(int fd);

		/** flock(2): 0, or -1 with errno (Errno.EWOULDBLOCK when LOCK_NB meets a lock). */
		int flock(int fd, int operation);

		/** fcntl(2) with an int argument: depends on the command, or -1 with errno. */
		int fcntl(int fd, int command, int argument);

		/** dup2(2): the new descriptor, or -1 with errno. */
		int dup2(int oldFd, int newFd);

		/** sched_setscheduler(2): 0, or -1 with errno. */
		int sched_setscheduler(int tid, int policy, int[] param);

		/** setsockopt(2) with an int option: 0, or -1 with errno. */
		int setsockopt(int fd, int level, int option, int[] value, int length);

		/** umask(2): the previous mask; cannot fail. */
		int umask(int mask);

		/** getpwnam_r(3): 0 with *result NULL if there is no such user, or the error. */
		int getpwnam_r(String name, Passwd passwd, byte[] buffer, long length, PointerByReference result);

		/** getgrnam_r(3): 0 with *result NULL if there is no such group, or the error. */
		int getgrnam_r(String name, Group group, byte[] buffer, long length, PointerByReference result);

		/** initgroups(3): 0, or -1 with errno. */
		int initgroups(String user, int group);

		/** setgid(2): 0, or -1 with errno. */
		int setgid(int gid);

		/** setuid(2): 0, or -1 with errno (EPERM once root is dropped). */
		int setuid(int uid);

		/** renameat2(2): 0, or -1 with errno (EEXIST with RENAME_NOREPLACE). */
		int renameat2(int oldDirFd, String oldPath, int newDirFd, String newPath, int flags);

		/** mkfifo(3): 0, or -1 with errno. */
		int mkfifo(String path, int mode);

		/** connect(2): 0, or -1 with errno. */
		int connect(int fd, byte[] address, int addressLength);

		/** socket(2): a descriptor, or -1 with errno. */
		int socket(int domain, int type, int protocol);

		/** strerror(3): the message of an errno. */
		String strerror(int errno);

	}

}
