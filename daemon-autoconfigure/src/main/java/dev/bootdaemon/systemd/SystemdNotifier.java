package dev.bootdaemon.systemd;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixException;

/**
 * Speaks systemd's {@code sd_notify} protocol: datagrams to {@code NOTIFY_SOCKET}
 * (a path, or an abstract name starting with {@code @}) saying {@code READY=1},
 * {@code STOPPING=1}, {@code STATUS=...} and, every half of {@code WATCHDOG_USEC},
 * {@code WATCHDOG=1} while the application is healthy.
 */
public final class SystemdNotifier {

	private static final Log logger = LogFactory.getLog(SystemdNotifier.class);

	private final Posix posix;

	private final String socket;

	private final @Nullable Duration watchdogInterval;

	private @Nullable ScheduledExecutorService watchdog;

	SystemdNotifier(Posix posix, String socket, @Nullable Duration watchdogInterval) {
		this.posix = posix;
		this.socket = socket;
		this.watchdogInterval = watchdogInterval;
	}

	/**
	 * Returns a notifier if systemd asked for notifications.
	 * @param posix the libc binding
	 * @param environment the process environment
	 * @return the notifier, or {@code null} if {@code NOTIFY_SOCKET} is not set
	 */
	public static @Nullable SystemdNotifier fromEnvironment(Posix posix, Map<String, String> environment) {
		String socket = environment.get("NOTIFY_SOCKET");
		if (socket == null || socket.isEmpty()) {
			return null;
		}
		return new SystemdNotifier(posix, socket, watchdogInterval(environment).orElse(null));
	}

	// Half the interval systemd expects, and only if the watchdog is meant for us.
	static Optional<Duration> watchdogInterval(Map<String, String> environment) {
		String usec = environment.get("WATCHDOG_USEC");
		String pid = environment.get("WATCHDOG_PID");
		if (usec == null || (pid != null && !pid.equals(String.valueOf(ProcessHandle.current().pid())))) {
			return Optional.empty();
		}
		try {
			long micros = Long.parseLong(usec);
			return (micros > 0) ? Optional.of(Duration.ofNanos(micros * 1000 / 2)) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Tells systemd the service is ready, then keeps its watchdog fed while healthy.
	 * @param status a line for {@code systemctl status}
	 * @param healthy whether the application is healthy
	 */
	public void ready(String status, BooleanSupplier healthy) {
		send("READY=1\nMAINPID=" + ProcessHandle.current().pid() + "\nSTATUS=" + status);
		if (this.watchdogInterval != null) {
			long interval = this.watchdogInterval.toMillis();
			this.watchdog = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "daemon-watchdog");
				thread.setDaemon(true);
				return thread;
			});
			this.watchdog.scheduleAtFixedRate(() -> feedWatchdog(healthy), 0, interval, TimeUnit.MILLISECONDS);
		}
	}

	// A task of scheduleAtFixedRate that throws is never run again: systemd would then
	// kill the service with nothing in its log.
	private void feedWatchdog(BooleanSupplier healthy) {
		try {
			if (healthy.getAsBoolean()) {
				send("WATCHDOG=1");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Health check failed; systemd's watchdog is not fed this time", ex);
		}
	}

	/**
	 * Tells systemd why the service failed to start.
	 * @param reason the reason
	 */
	public void failed(String reason) {
		send("STATUS=Failed to start: " + reason.lines().filter((line) -> !line.isBlank() && !line.endsWith(":"))
			.findFirst()
			.orElse(reason));
	}

	/**
	 * Tells systemd the service is stopping, and stops feeding the watchdog.
	 */
	public void stopping() {
		if (this.watchdog != null) {
			this.watchdog.shutdownNow();
		}
		send("STOPPING=1\nSTATUS=Stopping");
	}

	private void send(String message) {
		try {
			this.posix.sendDatagram(this.socket, message.getBytes(StandardCharsets.UTF_8));
		}
		catch (PosixException ex) {
			logger.warn("Cannot notify systemd at NOTIFY_SOCKET " + this.socket + ": " + ex.getMessage());
		}
	}

}
