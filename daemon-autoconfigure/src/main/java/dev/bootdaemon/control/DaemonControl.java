package dev.bootdaemon.control;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import dev.bootdaemon.pidfile.PidFile;
import dev.bootdaemon.posix.Posix;

/**
 * {@code status} and {@code stop} for the daemon that holds a pidfile, as init scripts
 * do them, with LSB exit codes. Whether the daemon runs is decided by the pidfile's
 * lock, not by whether some process has the pid in it: a pid that the system reused
 * after the daemon died is never signalled.
 */
public final class DaemonControl {

	/** LSB status: running. */
	public static final int RUNNING = 0;

	/** LSB status: dead, but the pidfile exists. */
	public static final int DEAD_WITH_PIDFILE = 1;

	/** LSB status: not running. */
	public static final int NOT_RUNNING = 3;

	/** LSB status: unknown. */
	public static final int UNKNOWN = 4;

	private final Posix posix;

	private final String name;

	private final Path pidFile;

	private final PrintStream out;

	private final PrintStream err;

	/**
	 * Creates the control of one daemon.
	 * @param posix the libc binding
	 * @param name the application name, for messages
	 * @param pidFile the daemon's pidfile
	 * @param out where results are printed
	 * @param err where errors are printed
	 */
	public DaemonControl(Posix posix, String name, Path pidFile, PrintStream out, PrintStream err) {
		this.posix = posix;
		this.name = name;
		this.pidFile = pidFile;
		this.out = out;
		this.err = err;
	}

	/**
	 * Prints whether the daemon runs.
	 * @return an LSB status code
	 */
	public int status() {
		try {
			OptionalLong holder = PidFile.lockHolder(this.posix, this.pidFile);
			if (holder.isPresent()) {
				this.out.println(this.name + " is running: pid " + holder.getAsLong() + uptime(holder.getAsLong())
						+ ", pidfile " + this.pidFile);
				return RUNNING;
			}
			if (Files.exists(this.pidFile, LinkOption.NOFOLLOW_LINKS)) {
				this.out.println(this.name + " is not running, but its pidfile " + this.pidFile + " is left (pid "
						+ PidFile.readPid(this.pidFile) + ")");
				return DEAD_WITH_PIDFILE;
			}
			this.out.println(this.name + " is not running");
			return NOT_RUNNING;
		}
		catch (RuntimeException ex) {
			this.err.println(this.name + " status unknown: " + ex.getMessage());
			return UNKNOWN;
		}
	}

	/**
	 * Stops the daemon: SIGTERM, then waits for it to exit and release its pidfile.
	 * @param timeout how long to wait
	 * @param force whether to send SIGKILL once the time is up
	 * @return 0 when stopped or not running, 1 otherwise
	 */
	public int stop(Duration timeout, boolean force) {
		OptionalLong holder;
		try {
			holder = PidFile.lockHolder(this.posix, this.pidFile);
		}
		catch (RuntimeException ex) {
			this.err.println(this.name + " cannot be stopped: " + ex.getMessage());
			return 1;
		}
		if (holder.isEmpty()) {
			return notRunning();
		}
		long pid = holder.getAsLong();
		Optional<ProcessHandle> daemon = ProcessHandle.of(pid);
		if (daemon.isEmpty()) {
			return notRunning();
		}
		ProcessHandle handle = daemon.get();
		handle.destroy();
		boolean exited = ProcessTermination.awaitExit(handle, timeout);
		if (!exited && !force) {
			this.err.println(this.name + " did not stop within " + timeout.toSeconds() + "s (pid " + pid
					+ "); daemon.stop-force is false");
			return 1;
		}
		if (!exited && !ProcessTermination.kill(handle)) {
			this.err.println(this.name + " survived SIGKILL (pid " + pid + ")");
			return 1;
		}
		// A daemon stopped before it was fully up may not have removed its pidfile.
		PidFile.deleteIfLeftBy(this.posix, this.pidFile, pid);
		this.out.println(this.name + (exited ? " stopped" : " killed with SIGKILL after " + timeout.toSeconds() + "s")
				+ " (pid " + pid + ")");
		return 0;
	}

	private int notRunning() {
		long stalePid = PidFile.readPid(this.pidFile);
		if (Files.exists(this.pidFile, LinkOption.NOFOLLOW_LINKS)) {
			PidFile.deleteIfLeftBy(this.posix, this.pidFile, stalePid);
			this.out.println(this.name + " is not running; removed stale pidfile " + this.pidFile);
		}
		else {
			this.out.println(this.name + " is not running");
		}
		return 0;
	}

	private static String uptime(long pid) {
		return ProcessHandle.of(pid)
			.flatMap((handle) -> handle.info().startInstant())
			.map((start) -> ", up " + format(Duration.between(start, Instant.now())))
			.orElse("");
	}

	private static String format(Duration uptime) {
		long seconds = uptime.toSeconds();
		return (seconds >= 3600) ? String.format("%dh %02dm %02ds", seconds / 3600, (seconds % 3600) / 60, seconds % 60)
				: (seconds >= 60) ? String.format("%dm %02ds", seconds / 60, seconds % 60) : seconds + "s";
	}

}
