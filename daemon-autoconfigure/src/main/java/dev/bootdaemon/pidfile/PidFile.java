package dev.bootdaemon.pidfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.FileLocks;
import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.ProcFiles;
import dev.bootdaemon.posix.TrustedFiles;

/**
 * A pidfile written atomically and locked for the life of the process.
 * <p>
 * The pid is written to a temporary file in the same directory, which is locked with
 * {@code flock(2)} and then renamed into place: without replacing anything, or over a
 * stale pidfile whose lock we hold. A rename, unlike a link, leaves the descriptor named
 * after the pidfile in {@code /proc/PID/fd} and {@code lsof}. Neither step follows a
 * symbolic link at the pidfile path, and the temporary file is created anew
 * ({@code O_EXCL}, {@code O_NOFOLLOW}), as in a directory another user may write.
 * Whoever locks a pidfile checks afterwards that the path still names the file it
 * locked, so two processes racing for the same path can never both win.
 */
public final class PidFile {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int ATTEMPTS = 20;

	private static final long BUSY_PAUSE_MILLIS = 25;

	private final Posix posix;

	private final Path path;

	private final long pid;

	private int fd;

	// The supervisor the pidfile is left to when this process ends, 0 for none.
	private volatile long keeper;

	private PidFile(Posix posix, Path path, long pid, int fd) {
		this.posix = posix;
		this.path = path;
		this.pid = pid;
		this.fd = fd;
	}

	/**
	 * Writes and locks the pidfile for this process, taking over a stale one.
	 * @param posix the libc binding
	 * @param path the pidfile
	 * @param pid the pid to write
	 * @param staleWarning told the pid of a stale pidfile before it is replaced
	 * @return the locked pidfile
	 * @throws AlreadyRunningException if another live process holds the pidfile
	 * @throws PidFileException if the pidfile cannot be written
	 */
	public static PidFile acquire(Posix posix, Path path, long pid, StaleWarning staleWarning) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			PidFile pidFile = (Files.exists(path, LinkOption.NOFOLLOW_LINKS))
					? takeOver(posix, path, pid, staleWarning) : create(posix, path, pid);
			if (pidFile != null) {
				return pidFile;
			}
		}
		throw new PidFileException("Could not lock " + path + ": it kept changing while being locked");
	}

	/**
	 * Returns the pidfile's path.
	 * @return the path
	 */
	public Path getPath() {
		return this.path;
	}

	/**
	 * Returns the name under {@code /proc/self/fd} of the locked pidfile, which reaches
	 * that very file whatever its path names now.
	 * @return the name
	 */
	public synchronized Path openFile() {
		return ProcFiles.ownPath(this.fd);
	}

	/**
	 * Leaves the pidfile, once this process ends, to the supervisor that would start it
	 * again: the pidfile it keeps tells a second start that it waits
	 * ({@link PidFileSupervisor}), and it removes the pidfile once it starts nothing more.
	 * @param supervisor the supervisor's pid
	 */
	public void leaveTo(long supervisor) {
		this.keeper = supervisor;
	}

	/**
	 * Removes the pidfile if it is still ours, unless it is left to a supervisor that is
	 * still this process's parent, then releases the lock. Safe to call more than once.
	 */
	public synchronized void release() {
		if (this.fd < 0) {
			return;
		}
		try {
			if (!leftToSupervisor() && namesLockedFile(this.path, this.fd)
					&& PidFileProbe.readPid(this.path) == this.pid) {
				Files.deleteIfExists(this.path);
			}
		}
		catch (IOException ex) {
			// Leave it: the next start takes over a stale pidfile.
		}
		finally {
			this.posix.close(this.fd);
			this.fd = -1;
		}
	}

	private boolean leftToSupervisor() {
		long keeper = this.keeper;
		return keeper > 0 && ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == keeper;
	}

	/**
	 * Writes the pidfile again, locked, if someone removed it (a cleanup script,
	 * tmpfiles) while this process holds it, so that a second start is still refused.
	 * @return whether it was missing and is back
	 */
	public synchronized boolean restoreIfMissing() {
		if (this.fd < 0 || Files.exists(this.path, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		Path temp = writeTemp(this.path, this.pid);
		int newFd = lockTemp(this.posix, temp);
		boolean restored = false;
		try {
			restored = this.posix.renameNoReplace(temp, this.path);
		}
		catch (RuntimeException ex) {
			// Left missing: tried again at the next check.
		}
		finally {
			deleteQuietly(temp);
		}
		// If someone else wrote it meanwhile, it is theirs to keep.
		this.posix.close(restored ? this.fd : newFd);
		if (restored) {
			this.fd = newFd;
		}
		return restored;
	}

	/**
	 * Checks every so often, until released, that the pidfile is still there, and
	 * restores it if not. A failure (its directory removed or not writable) does not end
	 * the watching: it is told once, and the pidfile restored once it can be.
	 * @param interval how often to check
	 * @param restored told each time the pidfile was restored
	 * @param failed told the first failure of a run of failures
	 */
	public void watch(Duration interval, Runnable restored, Consumer<RuntimeException> failed) {
		Thread watcher = new Thread(() -> {
			boolean failing = false;
			try {
				while (!isReleased()) {
					Thread.sleep(interval.toMillis());
					try {
						if (restoreIfMissing()) {
							restored.run();
						}
						failing = false;
					}
					catch (RuntimeException ex) {
						if (!failing) {
							failed.accept(ex);
						}
						failing = true;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "boot-daemon-pidfile");
		watcher.setDaemon(true);
		watcher.start();
	}

	private synchronized boolean isReleased() {
		return this.fd < 0;
	}

	private static @Nullable PidFile create(Posix posix, Path path, long pid) {
		Path temp = writeTemp(path, pid);
		int fd = lockTemp(posix, temp);
		try {
			if (!posix.renameNoReplace(temp, path)) {
				posix.close(fd);
				return null;
			}
			return new PidFile(posix, path, pid, fd);
		}
		catch (RuntimeException ex) {
			posix.close(fd);
			throw new PidFileException("Could not create " + path + ": " + ex.getMessage(), ex);
		}
		finally {
			deleteQuietly(temp);
		}
	}

	private static @Nullable PidFile takeOver(Posix posix, Path path, long pid, StaleWarning staleWarning) {
		int oldFd;
		try {
			oldFd = openVerified(posix, path);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		try {
			if (!posix.tryLockExclusive(oldFd)) {
				return busy(path);
			}
			if (!namesLockedFile(path, oldFd)) {
				return null;
			}
			staleWarning.stale(PidFileProbe.readPid(path));
			Path temp = writeTemp(path, pid);
			int fd = lockTemp(posix, temp);
			try {
				Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				return new PidFile(posix, path, pid, fd);
			}
			catch (IOException | RuntimeException ex) {
				posix.close(fd);
				deleteQuietly(temp);
				throw new PidFileException("Could not replace stale " + path + ": " + ex.getMessage(), ex);
			}
		}
		finally {
			posix.close(oldFd);
		}
	}

	// A lock held by another process than the one the pidfile names is a racing
	// writer: worth another try after a pause.
	private static @Nullable PidFile busy(Path path) {
		long holder = PidFileProbe.readPid(path);
		OptionalLong locker = FileLocks.flockHolder(path);
		if (locker.isPresent() && (locker.getAsLong() == 0 || locker.getAsLong() == holder)) {
			throw new AlreadyRunningException(path, holder);
		}
		try {
			Thread.sleep(BUSY_PAUSE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PidFileException("Interrupted while " + path + " was being locked by another process");
		}
		return null;
	}

	// Opens the pidfile and proves the descriptor is the file the path names, not the
	// target of a symbolic link or a file that replaced it meanwhile.
	private static int openVerified(Posix posix, Path path) throws NoSuchFileException {
		PidFileProbe.checkRegularFile(path);
		int fd;
		try {
			fd = posix.openReadOnly(path);
		}
		catch (RuntimeException ex) {
			if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
				throw new NoSuchFileException(path.toString());
			}
			throw new PidFileException("Could not open " + path + ": " + ex.getMessage(), ex);
		}
		if (!namesLockedFile(path, fd)) {
			posix.close(fd);
			PidFileProbe.checkRegularFile(path);
			throw new NoSuchFileException(path.toString());
		}
		return fd;
	}

	private static boolean namesLockedFile(Path path, int fd) {
		try {
			Object locked = ProcFiles.openFileKey(fd);
			Object named = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
				.fileKey();
			return locked.equals(named);
		}
		catch (IOException ex) {
			return false;
		}
	}

	// Created anew (O_EXCL), never through a symbolic link: the directory may be the
	// service account's.
	private static Path writeTemp(Path path, long pid) {
		Path temp = path.toAbsolutePath()
			.resolveSibling("." + path.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
		try {
			TrustedFiles.create(temp, (pid + "\n").getBytes(StandardCharsets.US_ASCII), "rw-r--r--");
			return temp;
		}
		catch (IOException ex) {
			throw new PidFileException("Could not write " + path + ": " + ex.getMessage(), ex);
		}
	}

	// Nobody else can know the fresh temporary file yet, so the lock is always free.
	private static int lockTemp(Posix posix, Path temp) {
		int fd = -1;
		try {
			fd = posix.openReadOnly(temp);
			if (!posix.tryLockExclusive(fd)) {
				throw new PidFileException("Could not lock " + temp + ": another process holds its lock");
			}
			return fd;
		}
		catch (RuntimeException ex) {
			if (fd >= 0) {
				posix.close(fd);
			}
			deleteQuietly(temp);
			throw ex;
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			// A stray temp file is harmless; the real pidfile is what matters.
		}
	}

	/**
	 * Told before a stale pidfile is taken over.
	 */
	@FunctionalInterface
	public interface StaleWarning {

		/**
		 * Called with the pid a stale pidfile holds.
		 * @param stalePid the pid, or -1 if unreadable
		 */
		void stale(long stalePid);

	}

}
