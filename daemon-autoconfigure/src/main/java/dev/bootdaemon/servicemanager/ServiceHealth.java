package dev.bootdaemon.servicemanager;

/**
 * Whether the application is healthy enough to feed systemd's watchdog. Without such a
 * bean, an active application context counts as healthy.
 */
@FunctionalInterface
public interface ServiceHealth {

	/**
	 * Tells whether the application is healthy.
	 * @return {@code true} if it is
	 */
	boolean isHealthy();

}
