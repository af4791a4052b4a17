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
	 * Gives a process some patience to exit by itself, then sends SIGTERM and waits as
	 * long again, then sends SIGKILL.
	 * @param process the process
	 * @param patience how long to wait before each signal
	 * @return whether it has exited
	 */
	public static boolean terminate(ProcessHandle process, Duration patience) {
		if (awaitExit(process, patience)) {
			return true;
		}
		process.destroy();
		return awaitExit(process, (patience.isZero()) ? KILL_WAIT : patience) || kill(process);
	}

	/**
	 * Sends SIGKILL and waits for the process to be gone.
	 * @param process the process
	 * @return whether it has exited
	 */
	public static boolean kill(ProcessHandle process) {
		process.destroyForcibly();
		return awaitExit(process, KILL_WAIT);
	}

}
