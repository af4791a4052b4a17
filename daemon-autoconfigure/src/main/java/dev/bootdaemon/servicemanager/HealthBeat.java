package dev.bootdaemon.servicemanager;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A beat at a fixed rate while the application is healthy, on a thread of its own:
 * what feeds systemd's watchdog and the supervisor's. A health check that throws skips
 * one beat and says so; it never ends the beats, as an exception in a task of
 * {@code scheduleAtFixedRate} would, and with them the application, killed as hung with
 * nothing in its log.
 */
public final class HealthBeat {

	private static final Log logger = LogFactory.getLog(HealthBeat.class);

	private final ScheduledExecutorService scheduler;

	private HealthBeat(ScheduledExecutorService scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Starts beating, the first beat at once.
	 * @param threadName the name of the beat's thread
	 * @param interval the time between beats
	 * @param healthy whether the application is healthy
	 * @param beat the beat
	 * @param missed what a skipped beat misses, for the warning
	 * @return the beat, to stop
	 */
	public static HealthBeat start(String threadName, Duration interval, BooleanSupplier healthy, Runnable beat,
			String missed) {
		ScheduledExecutorService scheduler = scheduler(threadName);
		scheduler.scheduleAtFixedRate(() -> {
			try {
				if (healthy.getAsBoolean()) {
					beat.run();
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Health check failed; " + missed + " this time", ex);
			}
		}, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
		return new HealthBeat(scheduler);
	}

	static ScheduledExecutorService scheduler(String name) {
		return Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Stops beating.
	 */
	public void stop() {
		this.scheduler.shutdownNow();
	}

}
