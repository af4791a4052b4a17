package dev.bootdaemon.settings;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

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

	static RestartPolicy of(DaemonProperties properties) {
		Duration delay = properties.getRestartDelay();
		if (delay.isNegative()) {
			throw new InvalidDaemonPropertyException("daemon.restart-delay", delay, "must not be negative");
		}
		if (properties.getRestartMaxDelay().compareTo(delay) < 0) {
			throw new InvalidDaemonPropertyException("daemon.restart-max-delay", properties.getRestartMaxDelay(),
					"is shorter than daemon.restart-delay (" + delay + ")");
		}
		if (properties.getRestartLimit() < 1) {
			throw new InvalidDaemonPropertyException("daemon.restart-limit", properties.getRestartLimit(),
					"must be positive");
		}
		if (properties.getRestartLimitInterval().isNegative() || properties.getRestartLimitInterval().isZero()) {
			throw new InvalidDaemonPropertyException("daemon.restart-limit-interval",
					properties.getRestartLimitInterval(), "must be positive");
		}
		Duration watchdog = properties.getWatchdog();
		if (watchdog != null && (watchdog.isNegative() || watchdog.toMillis() < 1)) {
			throw new InvalidDaemonPropertyException("daemon.watchdog", watchdog, "must be at least 1ms");
		}
		return new RestartPolicy(properties.getRestart(), delay, properties.getRestartMaxDelay(),
				properties.getRestartLimit(), properties.getRestartLimitInterval(), watchdog);
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
