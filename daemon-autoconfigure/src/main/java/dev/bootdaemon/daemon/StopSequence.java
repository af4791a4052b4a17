package dev.bootdaemon.daemon;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import dev.bootdaemon.output.AttachedOutput;
import dev.bootdaemon.pidfile.PidFile;
import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.systemd.SystemdNotifier;

/**
 * How the daemon stops, in this order: tells systemd as the application context starts
 * to close, and lets go of a socket a service manager passed; once it has closed (a Spring Boot shutdown handler), delivers the output
 * still on its way, then releases the pidfile, so that nothing that the application
 * wrote last is lost and a new start finds the pidfile free only once this one is
 * done.
 */
final class StopSequence {

	private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

	private final @Nullable SystemdNotifier notifier;

	private final String status;

	private final AttachedOutput output;

	private final PidFile pidFile;

	private final boolean socketActivated;

	private StopSequence(@Nullable SystemdNotifier notifier, String status, AttachedOutput output, PidFile pidFile,
			boolean socketActivated) {
		this.notifier = notifier;
		this.status = status;
		this.output = output;
		this.pidFile = pidFile;
		this.socketActivated = socketActivated;
	}

	static StopSequence install(@Nullable SystemdNotifier notifier, String status, AttachedOutput output,
			PidFile pidFile, boolean socketActivated) {
		StopSequence sequence = new StopSequence(notifier, status, output, pidFile, socketActivated);
		SpringApplication.getShutdownHandlers().add(sequence::closed);
		return sequence;
	}

	void watch(ConfigurableApplicationContext context) {
		context.addApplicationListener((ContextClosedEvent event) -> closing());
	}

	private void closing() {
		if (this.notifier != null) {
			this.notifier.stopping(this.status);
		}
		if (this.socketActivated) {
			SocketActivation.release(Posix.load());
		}
	}

	private void closed() {
		this.output.flush(FLUSH_TIMEOUT);
		this.pidFile.release();
	}

}
