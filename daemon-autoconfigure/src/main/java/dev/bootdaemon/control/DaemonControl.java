package dev.bootdaemon.control;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.control.ProcessTermination.Outcome;
import dev.bootdaemon.pidfile.PidFileProbe;
import dev.bootdaemon.pidfile.PidFileSupervisor;

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

	// The supervisor exits as soon as its daemon has.
	private static final Duration SUPERVISOR_WAIT = Duration.ofSeconds(5);

	private final String name;

	private final Path pidFile;

	private final PrintStream out;

	private final PrintStream err;

	private final ApplicationCheck applicationCheck;

	/**
	 * Creates the control of one daemon.
	 * @param name the application name, for messages
	 * @param pidFile the daemon's pidfile
	 * @param applicationCheck tells whether a lock holder runs this application
	 * @param out where results are printed
	 * @param err where errors are printed
	 */
	public DaemonControl(String name, Path pidFile, ApplicationCheck applicationCheck, PrintStream out,
			PrintStream err) {
		this.name = name;
		this.pidFile = pidFile;
		this.applicationCheck = applicationCheck;
		this.out = out;
		this.err = err;
	}

	/**
	 * Prints whether the daemon runs.
	 * @return an LSB status code
	 */
	public int status() {
		try {
			OptionalLong holder = PidFileProbe.lockHolder(this.pidFile);
			if (holder.isPresent()) {
				long pid = holder.getAsLong();
				String refusal = refusal(pid, false);
				if (refusal != null) {
					this.err.println(this.name + " status unknown: " + refusal);
					return UNKNOWN;
				}
				this.out.println(this.name + " is running: pid " + pid + uptime(pid) + ", pidfile " + this.pidFile
						+ SupervisorView.of(this.pidFile, pid).describe());
				return RUNNING;
			}
			OptionalLong supervisor = PidFileSupervisor.of(this.pidFile);
			if (supervisor.isPresent()) {
				this.out.println(this.name + " is restarting: its supervisor (pid " + supervisor.getAsLong()
						+ ") waits to start it again, pidfile " + this.pidFile);
				return RUNNING;
			}
			if (Files.exists(this.pidFile, LinkOption.NOFOLLOW_LINKS)) {
				this.out.println(this.name + " is not running, but its pidfile " + this.pidFile + " is left (pid "
						+ PidFileProbe.readPid(this.pidFile) + ")");
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
	 * Stops the daemon: SIGTERM, then waits for it to exit and release its pidfile. A
	 * supervisor gets SIGTERM first, so that nothing restarts the daemon, and its end is
	 * waited for too.
	 * @param timeout how long to wait
	 * @param force whether to send SIGKILL once the time is up
	 * @return 0 when stopped or not running, 1 otherwise
	 */
	public int stop(Duration timeout, boolean force) {
		OptionalLong supervisorPid = PidFileSupervisor.of(this.pidFile);
		Optional<ProcessHandle> supervisor = supervisorPid.isPresent() ? ProcessHandle.of(supervisorPid.getAsLong())
				: Optional.empty();
		try {
			return stopDaemon(timeout, force, supervisor);
		}
		finally {
			supervisor.ifPresent((process) -> ProcessTermination.terminate(process, Duration.ZERO, SUPERVISOR_WAIT,
					true));
		}
	}

	private int stopDaemon(Duration timeout, boolean force, Optional<ProcessHandle> supervisor) {
		OptionalLong holder;
		long filePid = PidFileProbe.readPid(this.pidFile);
		try {
			holder = PidFileProbe.lockHolder(this.pidFile);
		}
		catch (RuntimeException ex) {
			this.err.println(this.name + " cannot be stopped: " + ex.getMessage());
			return 1;
		}
		// Once the holder is known, which the supervisor's SIGTERM may end at once: after
		// it the supervisor restarts nothing.
		supervisor.ifPresent(ProcessHandle::destroy);
		boolean supervised = supervisor.isPresent();
		if (holder.isEmpty()) {
			return notRunning(filePid, supervised);
		}
		long pid = holder.getAsLong();
		// Pid 0, a holder outside this PID namespace, has no handle: refused below.
		Optional<ProcessHandle> daemon = ProcessHandle.of(pid);
		if (pid > 0 && daemon.isEmpty()) {
			return notRunning(filePid, supervised);
		}
		String refusal = refusal(pid, true);
		if (refusal != null) {
			this.err.println(this.name + " cannot be stopped: " + refusal);
			return 1;
		}
		AotTrainingRun training = AotTrainingRun.of(pid);
		Outcome outcome = ProcessTermination.terminate(daemon.get(), Duration.ZERO, timeout,
				force && training == null);
		if (outcome == Outcome.STILL_RUNNING && force && training != null) {
			// Its cache writer is its child: taken before the kill, which orphans it.
			List<ProcessHandle> writers = daemon.get().descendants().toList();
			outcome = ProcessTermination.terminate(daemon.get(), Duration.ZERO, Duration.ZERO, true);
			training.abandon(writers);
		}
		if (outcome == Outcome.STILL_RUNNING) {
			this.err.println(this.name + " did not stop within " + ProcessTermination.format(timeout) + " (pid " + pid
					+ "); daemon.stop-force is false");
			return 1;
		}
		if (outcome == Outcome.SURVIVED_KILL) {
			this.err.println(this.name + " survived SIGKILL (pid " + pid + ")");
			return 1;
		}
		// A daemon killed, or stopped before it was fully up, leaves its pidfile.
		PidFileProbe.deleteIfLeftBy(this.pidFile, filePid);
		this.out.println(this.name + ((outcome == Outcome.EXITED) ? " stopped"
				: " killed with SIGKILL after " + ProcessTermination.format(timeout)) + " (pid " + pid + ")"
				+ ((outcome == Outcome.KILLED && training != null) ? training.abandoned() : ""));
		return 0;
	}

	// Never signal init, ourselves, a holder we cannot see or another application.
	private @Nullable String refusal(long pid, boolean signalling) {
		if (pid == 0) {
			return "the lock of " + this.pidFile + " is held by a process outside this PID namespace";
		}
		String other = this.applicationCheck.otherApplication(pid);
		if (other != null) {
			return this.pidFile + " belongs to pid " + pid + ", which runs " + other;
		}
		boolean never = signalling && (pid == 1 || pid == ProcessHandle.current().pid());
		return never ? "the lock of " + this.pidFile + " is held by pid " + pid + ", which is never signalled" : null;
	}

	private int notRunning(long stalePid, boolean supervised) {
		if (supervised) {
			// It removes the pidfile it kept as it ends, which stop waits for.
			this.out.println(this.name + " is not running; stopped its supervisor, which waited to start it again");
		}
		else if (Files.exists(this.pidFile, LinkOption.NOFOLLOW_LINKS)) {
			PidFileProbe.deleteIfLeftBy(this.pidFile, stalePid);
			boolean removed = !Files.exists(this.pidFile, LinkOption.NOFOLLOW_LINKS);
			this.out.println(this.name + " is not running" + (removed ? "; removed stale pidfile " + this.pidFile : ""));
		}
		else {
			this.out.println(this.name + " is not running");
		}
		return 0;
	}

	private static String uptime(long pid) {
		return ProcessHandle.of(pid)
			.flatMap((handle) -> handle.info().startInstant())
			.map((start) -> ", up " + formatUptime(Duration.between(start, Instant.now())))
			.orElse("");
	}

	private static String formatUptime(Duration uptime) {
		long seconds = uptime.toSeconds();
		return (seconds >= 3600) ? String.format("%dh %02dm %02ds", seconds / 3600, (seconds % 3600) / 60, seconds % 60)
				: (seconds >= 60) ? String.format("%dm %02ds", seconds / 60, seconds % 60) : seconds + "s";
	}

	/**
	 * Tells whether a process runs this application.
	 */
	@FunctionalInterface
	public interface ApplicationCheck {

		/**
		 * Returns what another application a process runs.
		 * @param pid the process
		 * @return a description of what it runs, such as its jar, or {@code null} if it
		 * runs this application or cannot be told
		 */
		@Nullable String otherApplication(long pid);

	}

}
