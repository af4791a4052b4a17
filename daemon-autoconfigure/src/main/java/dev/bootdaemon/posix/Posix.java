package dev.bootdaemon.posix;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The few libc calls a daemon needs that the JDK does not offer. No JNA type appears
 * here, so callers never load JNA until they make a call.
 *
 * @see PosixProvider#posix()
 */
public interface Posix {

	/**
	 * Opens a file read-only with {@code O_CLOEXEC}, so that processes the daemon starts
	 * do not inherit it, never through a symbolic link ({@code O_NOFOLLOW}).
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
	 * Opens a file for appending, with {@code O_CLOEXEC}, created with the given mode if
	 * missing, never through a symbolic link ({@code O_NOFOLLOW}).
	 * @param path the file
	 * @param mode permission bits for a new file
	 * @return the file descriptor
	 * @throws PosixException if {@code open(2)} fails; {@code ELOOP} for a symbolic link
	 */
	int openForAppend(Path path, int mode);

	/**
	 * Points file descriptors 1 and 2 at an open file. Each switch is atomic: no write
	 * finds the descriptor closed.
	 * @param fd the open file, left open
	 * @throws PosixException if {@code dup2(2)} fails
	 */
	void redirectStandardStreams(int fd);

	/**
	 * Points file descriptors 1 and 2 at two named pipes, each opened for reading and
	 * writing so that neither the open nor a write ever fails for want of a reader.
	 * @param stdout the pipe for descriptor 1
	 * @param stderr the pipe for descriptor 2
	 * @throws PosixException if {@code open(2)} or {@code dup2(2)} fails
	 */
	void redirectStandardStreamsToPipes(Path stdout, Path stderr);

	/**
	 * Renames a file unless the target exists, atomically ({@code renameat2(2)} with
	 * {@code RENAME_NOREPLACE}, or a link where the file system lacks it). Unlike a link,
	 * a rename keeps the name under which the file was opened, so that
	 * {@code /proc/PID/fd} shows the target's name.
	 * @param source the file
	 * @param target its new name
	 * @return {@code false} if the target exists, and nothing was done
	 * @throws PosixException if that fails for another reason
	 */
	boolean renameNoReplace(Path source, Path target);

	/**
	 * Duplicates a descriptor onto the lowest free number from 3 up, close-on-exec
	 * ({@code fcntl(2)} with {@code F_DUPFD_CLOEXEC}).
	 * @param fd the descriptor
	 * @return the copy
	 * @throws PosixException if that fails
	 */
	int duplicate(int fd);

	/**
	 * Moves an open descriptor to another number: {@code dup2(2)}, then {@code close(2)}
	 * of the old one.
	 * @param fd the descriptor
	 * @param target the number it is to have
	 * @throws PosixException if that fails
	 */
	void moveDescriptor(int fd, int target);

	/**
	 * Creates a named pipe, as {@code mkfifo(3)}.
	 * @param path where
	 * @param mode its permission bits
	 * @throws PosixException if that fails
	 */
	void makeFifo(Path path, int mode);

	/**
	 * Opens a Unix datagram socket connected to a path or abstract name (starting with
	 * {@code @}).
	 * @param socket the socket's path or abstract name
	 * @return the file descriptor
	 * @throws PosixException if that fails; {@code EPROTOTYPE} means the socket is a
	 * stream socket
	 */
	int connectDatagram(String socket);

	/**
	 * Sets the size of a socket's send buffer, as {@code setsockopt(2)} with
	 * {@code SO_SNDBUF}: the kernel doubles what is asked, for its own bookkeeping, and
	 * keeps a minimum of about 4 KiB.
	 * @param fd the socket
	 * @param bytes the size to ask for
	 * @throws PosixException if that fails
	 */
	void setSendBuffer(int fd, int bytes);

	/**
	 * Sends consecutive messages as datagrams on a connected socket, as many as one
	 * {@code sendmmsg(2)} call takes, waiting for room if the receiver is behind.
	 * @param fd the socket
	 * @param data the messages, one after the other
	 * @param ends where each message ends in {@code data}; each starts where the one
	 * before ends, the first at 0
	 * @param from the index of the first message to send
	 * @param to the index after the last one
	 * @return how many messages were sent, at least one
	 * @throws PosixException if the first message cannot be sent
	 */
	int sendDatagrams(int fd, byte[] data, int[] ends, int from, int to);

	/**
	 * Gives the calling thread the batch policy ({@code SCHED_BATCH}, sched(7)): the same
	 * share of the CPU, but its wake-ups do not preempt the thread running.
	 * @throws PosixException if the system refuses it
	 */
	void scheduleCallingThreadAsBatch();

	/**
	 * Sets the file mode creation mask, as {@code umask(2)}.
	 * @param mask the new mask
	 */
	void umask(int mask);

	/**
	 * Looks a user up in the system's user database, as {@code getpwnam(3)}.
	 * @param name the user name
	 * @return its user and primary group ids, or {@code null} if there is no such user
	 */
	@Nullable Account user(String name);

	/**
	 * Looks a group up in the system's group database, as {@code getgrnam(3)}.
	 * @param name the group name
	 * @return its id, or {@code null} if there is no such group
	 */
	@Nullable Integer group(String name);

	/**
	 * Switches the whole process, every thread, to a user and group for good:
	 * {@code initgroups(3)}, {@code setgid(2)}, {@code setuid(2)}, in that order, then
	 * checks that root cannot be regained.
	 * @param user the user name, for its supplementary groups
	 * @param uid the user id
	 * @param gid the group id
	 * @throws PosixException if a call fails or root could be regained
	 */
	void switchUser(String user, int uid, int gid);

	/**
	 * Sends one datagram to a Unix datagram socket, such as {@code NOTIFY_SOCKET} or
	 * {@code /dev/log}. A name starting with {@code @} is in the abstract namespace.
	 * @param socket the socket's path or abstract name
	 * @param message the datagram
	 * @throws PosixException if the socket cannot be reached
	 */
	void sendDatagram(String socket, byte[] message);

	/**
	 * A user's ids.
	 *
	 * @param uid the user id
	 * @param gid the primary group id
	 */
	record Account(int uid, int gid) {
	}

}
