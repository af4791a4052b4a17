package dev.bootdaemon.settings;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

import dev.bootdaemon.settings.DaemonProperties.Restart;

/**
 * When and how fast the daemon is started again after it ended, checked.
 *
 * @param restart when to restart
 * @param delay the wait before the first restart in the window, doubled for each next
 * @param maxDelay the longest wait
 * @param limit how many restarts the window may hold
 * @param limitInterval the window
 * @param watchdog how long the daemon may go without a heartbeat, or {@code null}
 */
public record RestartPolicy(Restart restart, Duration delay, Duration maxDelay, int limit, Duration limitInterval,
		@Nullable Duration watchdog) {

	static RestartPolicy of(DaemonProperties properties, Environment environment) {
		Duration delay = properties.getRestartDelay();
		Duration maxDelay = properties.getRestartMaxDelay();
		Duration interval = DaemonSettings.positive("daemon.restart-limit-interval",
				properties.getRestartLimitInterval(), environment);
		Duration watchdog = properties.getWatchdog();
		if (delay.isNegative()) {
			throw invalid(environment, "daemon.restart-delay", delay, "must not be negative");
		}
		if (maxDelay.compareTo(delay) < 0) {
			throw invalid(environment, "daemon.restart-max-delay", maxDelay, "is shorter than daemon.restart-delay");
		}
		if (properties.getRestartLimit() < 0) {
			throw invalid(environment, "daemon.restart-limit", properties.getRestartLimit(), "must not be negative");
		}
		if (watchdog != null && watchdog.toMillis() < 1) {
			throw invalid(environment, "daemon.watchdog", watchdog, "must be at least 1ms");
		}
		return new RestartPolicy(properties.getRestart(), delay, maxDelay, properties.getRestartLimit(), interval,
				watchdog);
	}

	private static InvalidDaemonPropertyException invalid(Environment environment, String property, Object value,
			String reason) {
		return InvalidDaemonPropertyException.asWritten(environment, property, value, reason);
	}

	/**
	 * Tells whether the daemon is ever restarted.
	 * @return whether {@code daemon.restart} is not {@code no}
	 */
	public boolean restarts() {
		return this.restart != Restart.NO;
	}

	/**
	 * Returns {@code daemon.restart} as it is written.
	 * @return {@code no}, {@code on-failure} or {@code always}
	 */
	public String value() {
		return this.restart.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Says when the daemon is restarted, for the summary line.
	 * @return such as "on failure"
	 */
	public String describe() {
		return (this.restart == Restart.ALWAYS) ? "whenever it ends" : "on failure";
	}

}
