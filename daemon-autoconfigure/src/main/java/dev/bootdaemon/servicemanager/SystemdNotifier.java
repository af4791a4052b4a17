package dev.bootdaemon.servicemanager;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
 * (a path, or an abstract name starting with {@code @}) saying {@code STATUS=...} at each
 * step, {@code EXTEND_TIMEOUT_USEC} while starting, {@code READY=1},
 * {@code RELOADING=1} around a reopen of the output ({@code Type=notify-reload}),
 * {@code STOPPING=1} and, every half of {@code WATCHDOG_USEC}, {@code WATCHDOG=1} while
 * the application is healthy.
 */
public final class SystemdNotifier {

	private static final Log logger = LogFactory.getLog(SystemdNotifier.class);

	private static final Duration EXTENSION_INTERVAL = Duration.ofSeconds(2);

	private static final Duration EXTENSION = Duration.ofSeconds(5);

	private final Posix posix;

	private final String socket;

	private final @Nullable Duration watchdogInterval;

	private @Nullable HealthBeat watchdog;

	// A reload before the start is done would tell systemd READY=1 too early.
	private volatile boolean ready;

	private @Nullable ScheduledExecutorService startExtension;

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
	 * Tells systemd the service is starting and, while it starts, extends systemd's
	 * start timeout ({@code EXTEND_TIMEOUT_USEC}) a little at a time, up to
	 * {@code daemon.startup-timeout}: a slow start is not killed by a shorter
	 * {@code TimeoutStartSec=}, a hung one still ends.
	 * @param status a line for {@code systemctl status}
	 * @param startupTimeout how long the start may take at most
	 */
	public void starting(String status, Duration startupTimeout) {
		send("STATUS=" + status);
		long deadline = System.nanoTime() + startupTimeout.toNanos();
		synchronized (this) {
			this.startExtension = HealthBeat.scheduler("daemon-start-extension");
			this.startExtension.scheduleAtFixedRate(() -> extendStart(deadline), 0, EXTENSION_INTERVAL.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	// Under the lock that stopExtending takes: no extension follows READY=1.
	private synchronized void extendStart(long deadline) {
		if (this.startExtension != null && !this.startExtension.isShutdown() && System.nanoTime() - deadline < 0) {
			send("EXTEND_TIMEOUT_USEC=" + EXTENSION.toNanos() / 1000);
		}
	}

	/**
	 * Tells systemd the service is reloading ({@code Type=notify-reload}): the output
	 * is about to be reopened. Nothing is said before the service is ready.
	 */
	public void reloading() {
		if (!this.ready) {
			return;
		}
		send("RELOADING=1\nMONOTONIC_USEC=" + monotonicMicros() + "\nSTATUS=Reopening output");
	}

	/**
	 * Tells systemd the reload is done.
	 * @param status a line for {@code systemctl status}
	 */
	public void reloaded(String status) {
		if (!this.ready) {
			return;
		}
		send("READY=1\nSTATUS=" + status);
	}

	// CLOCK_MONOTONIC, as systemd expects: what the JVM's nanoTime reads on Linux.
	private static long monotonicMicros() {
		return System.nanoTime() / 1000;
	}

	private synchronized void stopExtending() {
		if (this.startExtension != null) {
			this.startExtension.shutdownNow();
		}
	}

	/**
	 * Tells systemd the service is ready, then keeps its watchdog fed while healthy.
	 * @param status a line for {@code systemctl status}
	 * @param healthy whether the application is healthy
	 */
	public void ready(String status, BooleanSupplier healthy) {
		this.ready = true;
		stopExtending();
		send("READY=1\nMAINPID=" + ProcessHandle.current().pid() + "\nSTATUS=" + status);
		if (this.watchdogInterval != null) {
			this.watchdog = HealthBeat.start("daemon-watchdog", this.watchdogInterval, healthy,
					() -> send("WATCHDOG=1"), "systemd's watchdog is not fed");
		}
	}

	/**
	 * Tells systemd why the service failed to start.
	 * @param reason the reason
	 */
	public void failed(String reason) {
		stopExtending();
		send("STATUS=Failed to start: " + reason.lines().filter((line) -> !line.isBlank() && !line.endsWith(":"))
			.findFirst()
			.orElse(reason));
	}

	/**
	 * Tells systemd the service is stopping, and stops feeding the watchdog.
	 * @param status a line for {@code systemctl status}
	 */
	public void stopping(String status) {
		stopExtending();
		if (this.watchdog != null) {
			this.watchdog.stop();
		}
		send("STOPPING=1\nSTATUS=" + status);
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
