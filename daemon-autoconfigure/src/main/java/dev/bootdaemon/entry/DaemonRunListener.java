package dev.bootdaemon.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.bootdaemon.daemon.RunningDaemon;
import dev.bootdaemon.entry.DaemonCommand.EarlyStart;
import dev.bootdaemon.entry.DaemonCommand.ForegroundStart;
import dev.bootdaemon.launch.Launcher;
import dev.bootdaemon.servicemanager.ServiceManager;
import dev.bootdaemon.settings.LaunchContext;
import dev.bootdaemon.startup.Handoff;

/**
 * Turns {@code daemon.enabled=true} into a daemon, and runs {@code daemon.command}. In
 * the launching process it starts the detached daemon and exits once that is ready, or
 * stops it, or reports its status, without starting the application; in the daemon it
 * drives {@link RunningDaemon}. With daemon mode off it does nothing and loads nothing.
 * <p>
 * The launching process decides as soon as Spring Boot has loaded the configuration
 * files, so the flag works from any property source, and before Boot initializes logging
 * and warms up its converters in the background: work a process that exits there does
 * not need, and that would compete with the daemon's own start for the CPU. The daemon
 * attaches once logging is up, so that its first lines reach the log.
 * <p>
 * When the command line, a system property, the environment or a default
 * {@code application.properties} already asks for daemon mode, the launching process has
 * started the daemon before this listener is created ({@link EarlyLaunch}) and lets
 * Spring Boot read no configuration at all: the daemon, started early, makes the checks
 * at the same point and says how they went (see {@link Launcher#launchEarly}).
 * Letting the launcher check beside the starting daemon would not pay on two cores: two
 * starting JVMs share the CPU.
 */
class DaemonRunListener implements SpringApplicationRunListener, Ordered {

	// The listener whose application this JVM is the daemon of: in a detached daemon the
	// first one created, before a context hierarchy's child or Spring Cloud's bootstrap
	// context; in the foreground the one that became the daemon, until its context ends.
	// Any other application run in the JVM meanwhile leaves daemon mode alone.
	private static final AtomicReference<@Nullable DaemonRunListener> owner = new AtomicReference<>();

	private final SpringApplication application;

	private @Nullable DaemonCommand command;

	private @Nullable ForegroundStart foreground;

	private @Nullable RunningDaemon daemon;

	private @Nullable EarlyStart early;

	private final boolean active;

	DaemonRunListener(SpringApplication application, String[] args) {
		this.application = application;
		// Compile-time constants: nothing is loaded while daemon mode is off.
		boolean detached = System.getProperty(Handoff.STARTUP_SOCKET_PROPERTY) != null;
		this.active = detached ? owner.compareAndSet(null, this) : owner.get() == null;
		if (!this.active) {
			return;
		}
		if (mayHaveDroppedDaemonArguments(args)) {
			application.addListeners(new CommandLineDaemonArguments());
		}
		if (!detached && EarlyLaunch.asksForEarlyStart(args, null, application.getClassLoader())) {
			// For an application that adds the flag itself: EarlyLaunch saw the JVM's
			// command line and the configuration files.
			EarlyLaunch.start(application.getMainApplicationClass());
		}
		if (!detached) {
			application.addListeners(new ConfigurationLoaded(this::runCommand));
		}
		else if (System.getProperty(Handoff.EARLY_START_PROPERTY) != null) {
			application.addListeners(new ConfigurationLoaded(this::checkEarly));
		}
	}

	@Override
	public int getOrder() {
		return 10;
	}

	// Whether main() may not have passed --daemon.* arguments on: decided from the JVM's
	// own "main class or jar, then arguments", without reading /proc or loading a class
	// (the prefix is a compile-time constant).
	private static boolean mayHaveDroppedDaemonArguments(String[] args) {
		if (!System.getProperty("sun.java.command", "").contains(CommandLineDaemonArguments.PREFIX)) {
			return false;
		}
		for (String arg : args) {
			if (arg.startsWith(CommandLineDaemonArguments.PREFIX)) {
				return false;
			}
		}
		return true;
	}

	// In a daemon started early, where its launcher would have decided.
	private void checkEarly(ConfigurableEnvironment environment) {
		this.early = DaemonCommand.checkEarly(environment, launchContext(true).asEarlyLauncher(), launchDirectory(),
				DaemonMode.enabled(environment))
			.proceedOrExit();
	}

	private void release() {
		owner.compareAndSet(this, null);
	}

	private static Path launchDirectory() {
		Path launchDirectory = Handoff.launchDirectory();
		return (launchDirectory != null) ? launchDirectory : Path.of("/");
	}

	private void runCommand(ConfigurableEnvironment environment) {
		if (!DaemonMode.requested(environment)) {
			return;
		}
		DaemonCommand daemonCommand = new DaemonCommand(System.out, System.err);
		this.foreground = daemonCommand.run(environment, launchContext(false)).proceedOrExit();
		this.command = daemonCommand;
		if (!owner.compareAndSet(null, this)) {
			this.foreground = null;
		}
	}

	private LaunchContext launchContext(boolean detachedDaemon) {
		return LaunchContext.current(this.application.getMainApplicationClass(),
				detachedDaemon ? null : ServiceManager.detect(), detachedDaemon);
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		// A compile-time constant: nothing is loaded while daemon mode is off.
		if (!this.active) {
			return;
		}
		if (this.early != null) {
			this.daemon = RunningDaemon.detached(this.early.settings(), this.early.reporter(),
					this.early.privateDirectory(), this.early.commandLine());
		}
		else if (System.getProperty(Handoff.STARTUP_SOCKET_PROPERTY) != null) {
			this.daemon = RunningDaemon.detached(environment, Objects.requireNonNull(Handoff.startupSocket()),
					launchDirectory(), launchContext(true));
		}
		else if (this.command != null && this.foreground != null) {
			DaemonCommand daemonCommand = this.command;
			ForegroundStart start = this.foreground;
			this.daemon = daemonCommand.foreground(start).proceedOrExit();
		}
	}

	@Override
	public void contextPrepared(ConfigurableApplicationContext context) {
		if (this.daemon != null) {
			this.daemon.contextPrepared(context);
			context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {

				@Override
				public void onApplicationEvent(ContextClosedEvent event) {
					release();
				}

			});
		}
	}

	@Override
	public void started(ConfigurableApplicationContext context, Duration timeTaken) {
		if (this.daemon != null) {
			this.daemon.started(context);
		}
	}

	@Override
	public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
		if (this.daemon != null) {
			this.daemon.ready(context);
		}
	}

	@Override
	public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
		if (this.daemon != null) {
			this.daemon.failed(context, exception);
		}
		release();
	}

	/**
	 * Hands the environment over right after the environment post-processors (the
	 * configuration files among them) and before logging is initialized.
	 */
	private static final class ConfigurationLoaded
			implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		private final Consumer<ConfigurableEnvironment> action;

		ConfigurationLoaded(Consumer<ConfigurableEnvironment> action) {
			this.action = action;
		}

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			this.action.accept(event.getEnvironment());
		}

		@Override
		public int getOrder() {
			return EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER + 1;
		}

	}

}
