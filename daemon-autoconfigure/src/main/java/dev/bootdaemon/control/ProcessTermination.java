package dev.bootdaemon.control;

import java.time.Duration;

import dev.bootdaemon.posix.ProcFiles;

/**
 * Waiting for a process, which need not be our child, to end, and ending it.
 */
public final class ProcessTermination {

	private static final Duration KILL_WAIT = Duration.ofSeconds(10);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(5);

	private ProcessTermination() {
	}

	/**
	 * Waits for a process to exit.
	 * @param process the process
	 * @param timeout how long to wait
	 * @return whether it has exited
	 */
	public static boolean awaitExit(ProcessHandle process, Duration timeout) {
		// The JDK watches a process that is not its child (a daemon never is) by polling
		// every 300 ms and more; stop returns within one of these shorter polls instead.
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!hasExited(process)) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			try {
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return hasExited(process);
			}
		}
		return true;
	}

	/**
	 * Tells whether a process has exited. An exited process stays a zombie until its
	 * parent reaps it, and a daemon's parent is init or a subreaper, which may take
	 * seconds; {@link ProcessHandle#isAlive()} counts a zombie as alive.
	 * @param process the process
	 * @return whether it has exited, reaped or not
	 */
	public static boolean hasExited(ProcessHandle process) {
		return !process.isAlive() || ProcFiles.hasExited(process.pid());
	}

	/**
	 * Ends a process as init scripts do: gives it some patience to exit by itself, then
	 * sends SIGTERM and waits, then, if forced, sends SIGKILL.
	 * @param process the process
	 * @param patience how long to wait before SIGTERM
	 * @param timeout how long to wait after SIGTERM
	 * @param force whether to send SIGKILL once that time is up
	 * @return how it ended
	 */
	public static Outcome terminate(ProcessHandle process, Duration patience, Duration timeout, boolean force) {
		if (awaitExit(process, patience)) {
			return Outcome.EXITED;
		}
		process.destroy();
		if (awaitExit(process, timeout)) {
			return Outcome.EXITED;
		}
		if (!force) {
			return Outcome.STILL_RUNNING;
		}
		return kill(process) ? Outcome.KILLED : Outcome.SURVIVED_KILL;
	}

	private static boolean kill(ProcessHandle process) {
		process.destroyForcibly();
		return awaitExit(process, KILL_WAIT);
	}

	/**
	 * How a termination ended.
	 */
	public enum Outcome {

		/** The process exited by itself or on SIGTERM. */
		EXITED,

		/** The process was killed with SIGKILL. */
		KILLED,

		/** The process still runs after SIGTERM, and SIGKILL was not wanted. */
		STILL_RUNNING,

		/** The process still runs even after SIGKILL. */
		SURVIVED_KILL

	}

	/**
	 * Formats a timeout as people write it: {@code 30s}, {@code 500ms}.
	 * @param duration the timeout
	 * @return the text
	 */
	public static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
