package dev.bootdaemon.pidfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.FileLocks;
import dev.bootdaemon.posix.TrustedFiles;

/**
 * What others learn from a pidfile without holding it: who holds its lock, as the
 * kernel reports it (never by taking the lock to see), what pid it says, and whether a
 * dead process left it behind. The holder's side is {@link PidFile}.
 */
public final class PidFileProbe {

	private static final long POLL_MILLIS = 5;

	private static final Duration RELEASE_WAIT = Duration.ofSeconds(5);

	/**
	 * A shell script that deletes the pidfile {@code $1} left by the dead pid {@code $2}:
	 * flock(1) on a descriptor of the file, without libc; the path must still name the
	 * locked file, and that file the dead pid.
	 */
	public static final String DELETE_UNDER_LOCK = "exec 3<\"$1\" && flock -n -x 3 && "
			+ "[ \"$(stat -L -c %d:%i /dev/fd/3)\" = \"$(stat -c %d:%i \"$1\")\" ] && [ \"$(cat <&3)\" = \"$2\" ] && "
			+ "rm -f \"$1\"";

	private PidFileProbe() {
	}

	/**
	 * Returns the pid of the process that holds the lock of a pidfile, as the kernel
	 * reports it: the pid as this PID namespace sees it, which is not the pid written in
	 * the file when the holder runs in a container.
	 * @param path the pidfile
	 * @return the pid, 0 if the holder is outside this PID namespace, or empty if the
	 * pidfile is missing or not locked
	 * @throws PidFileException if the pidfile is a symbolic link or not a regular file
	 */
	public static OptionalLong lockHolder(Path path) {
		try {
			checkRegularFile(path);
		}
		catch (NoSuchFileException ex) {
			return OptionalLong.empty();
		}
		return FileLocks.flockHolder(path);
	}

	/**
	 * Refuses a start while a live process holds the pidfile's lock, or while the
	 * supervisor of a daemon that held it waits to start it again.
	 * @param path the pidfile
	 * @throws AlreadyRunningException naming the holder's pid
	 */
	public static void refuseIfHeld(Path path) {
		OptionalLong holder = lockHolder(path);
		if (holder.isPresent()) {
			throw new AlreadyRunningException(path, (holder.getAsLong() > 0) ? holder.getAsLong() : readPid(path));
		}
		OptionalLong supervisor = PidFileSupervisor.of(path);
		if (supervisor.isPresent()) {
			throw new AlreadyRunningException("already running: its supervisor (pid " + supervisor.getAsLong()
					+ ") waits to start it again", supervisor.getAsLong());
		}
	}

	/**
	 * Deletes a pidfile that a process which has died left behind, once the kernel has
	 * released its lock: a killed JVM's lock outlives its main thread by the time its
	 * other threads take to exit. The file is checked and deleted under its own lock,
	 * which a new daemon must take to replace it, so a new daemon's pidfile is never
	 * the one deleted.
	 * @param path the pidfile
	 * @param pid the pid the dead process wrote
	 */
	public static void deleteIfLeftBy(Path path, long pid) {
		try {
			if (readPid(path) == pid && awaitUnlocked(path)) {
				Process delete = new ProcessBuilder("sh", "-c", DELETE_UNDER_LOCK, "sh", path.toString(),
						Long.toString(pid))
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				delete.waitFor();
			}
		}
		catch (IOException | RuntimeException ex) {
			// Left for the next start to take over.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean awaitUnlocked(Path path) {
		long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
		while (lockHolder(path).isPresent()) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/**
	 * Tells why a path cannot be a pidfile, before it is used.
	 * @param path the pidfile
	 * @return why not, or {@code null} if it can be one or does not exist yet
	 */
	public static @Nullable String problem(Path path) {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			return null;
		}
		if (attributes.isSymbolicLink()) {
			return TrustedFiles.SYMBOLIC_LINK;
		}
		return attributes.isRegularFile() ? null : "is not a regular file";
	}

	static void checkRegularFile(Path path) throws NoSuchFileException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			throw new NoSuchFileException(path.toString());
		}
		String problem = problem(path);
		if (problem != null) {
			throw new PidFileException(path + " " + problem);
		}
	}

	/**
	 * Reads the pid a pidfile holds.
	 * @param path the pidfile
	 * @return the pid, or -1 if the file is missing or holds no pid
	 */
	public static long readPid(Path path) {
		try {
			return Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).trim());
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
	}

}
