package dev.bootdaemon.daemon;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import dev.bootdaemon.output.AttachedOutput;
import dev.bootdaemon.pidfile.PidFile;
import dev.bootdaemon.posix.PosixProvider;
import dev.bootdaemon.servicemanager.SocketActivation;
import dev.bootdaemon.servicemanager.SystemdNotifier;

/**
 * How the daemon stops, in this order: tells systemd as its application context starts
 * to close, and lets go of a socket a service manager passed; once it has closed (its
 * beans destroyed, or a Spring Boot shutdown handler), delivers the output still on its
 * way, then releases the pidfile and puts back the signal handlers, so that nothing the
 * application wrote last is lost and a new start finds the pidfile free only once this
 * one is done.
 */
final class StopSequence {

	private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

	private final @Nullable SystemdNotifier notifier;

	private final String status;

	private final AttachedOutput output;

	private final PidFile pidFile;

	private final boolean socketActivated;

	private final List<Runnable> undo = new CopyOnWriteArrayList<>();

	private final List<Runnable> atClosing = new CopyOnWriteArrayList<>();

	private boolean stopped;

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

	/**
	 * Acts on the closing of the daemon's own context, not on a child's, whose events
	 * reach its parent's listeners too; and once that context has closed (its beans
	 * destroyed, this last as it was registered first), stops as at shutdown, so that a
	 * context closed without the JVM exiting leaves no lock, thread or handler behind.
	 * @param context the daemon's context
	 */
	void watch(ConfigurableApplicationContext context) {
		context.addApplicationListener(whenClosing(context, this::closing));
		if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean("daemonStopSequence", this::closed);
		}
	}

	static ApplicationListener<ContextClosedEvent> whenClosing(ApplicationContext context, Runnable action) {
		return (event) -> {
			if (event.getApplicationContext() == context) {
				action.run();
			}
		};
	}

	/**
	 * Adds what to do as the context starts to close.
	 * @param action run as the stop begins
	 */
	void onClosing(Runnable action) {
		this.atClosing.add(action);
	}

	/**
	 * Adds what to undo once stopped.
	 * @param undo run at the end of the stop
	 */
	void onClosed(Runnable undo) {
		this.undo.add(undo);
	}

	private void closing() {
		this.atClosing.forEach(Runnable::run);
		if (this.notifier != null) {
			this.notifier.stopping(this.status);
		}
		if (this.socketActivated) {
			SocketActivation.release(PosixProvider.posix());
		}
	}

	private synchronized void closed() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		this.output.flush(FLUSH_TIMEOUT);
		this.pidFile.release();
		this.undo.forEach(Runnable::run);
	}

}
