package dev.bootdaemon.control;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for a process, which need not be our child, to end, and ending it.
 */
public final class ProcessTermination {

	private static final Duration KILL_WAIT = Duration.ofSeconds(10);

	private ProcessTermination() {
	}

	/**
	 * Waits for a process to exit.
	 * @param process the process
	 * @param timeout how long to wait
	 * @return whether it has exited
	 */
	public static boolean awaitExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
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
