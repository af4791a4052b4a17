package dev.bootdaemon.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

import dev.bootdaemon.settings.DaemonProperties.ReadyOn;
import dev.bootdaemon.daemon.DaemonRuntime.Mode;
import dev.bootdaemon.output.OutputReopening;
import dev.bootdaemon.pidfile.PidFile;
import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.SignalState;
import dev.bootdaemon.systemd.ServiceHealth;
import dev.bootdaemon.systemd.SystemdNotifier;
import dev.bootdaemon.settings.UserSwitch;
import dev.bootdaemon.settings.PrivateDirectory;
import dev.bootdaemon.settings.LaunchContext;
import dev.bootdaemon.settings.LaunchChecks;
import dev.bootdaemon.settings.DaemonStartException;
import dev.bootdaemon.settings.DaemonSettings;

/**
 * The daemon's side of daemon mode, detached or in the foreground: holds the pidfile
 * (released by a Spring Boot shutdown handler, once the application context is closed),
 * reopens its output on SIGHUP, drops root once the web server has bound its ports, and
 * tells the launcher and systemd how the start went.
 */
public final class RunningDaemon {

	private static final Log logger = LogFactory.getLog(RunningDaemon.class);

	// As PostgreSQL rechecks its postmaster.pid: a removed pidfile would let a second
	// daemon start.
	private static final Duration PID_FILE_CHECK = Duration.ofSeconds(5);

	private final Posix posix;

	private final DaemonSettings settings;

	private final PidFile pidFile;

	private final @Nullable UserSwitch userSwitch;

	private final @Nullable StartupReporter reporter;

	private final @Nullable SystemdNotifier notifier;

	private final DaemonRuntime runtime;

	private RunningDaemon(Posix posix, DaemonSettings settings, PidFile pidFile, @Nullable UserSwitch userSwitch,
			@Nullable StartupReporter reporter, Mode mode) {
		this.posix = posix;
		this.settings = settings;
		this.pidFile = pidFile;
		this.userSwitch = userSwitch;
		this.reporter = reporter;
		this.notifier = SystemdNotifier.fromEnvironment(posix, System.getenv());
		this.runtime = new DaemonRuntime(mode, ProcessHandle.current().pid(), pidFile.getPath(),
				settings.output(), (userSwitch != null) ? userSwitch.user() : null);
	}

	/**
	 * Attaches the detached daemon, which reports back to its launcher.
	 */
	public static RunningDaemon detached(Environment environment, Path startupSocket, Path launchDirectory,
			LaunchContext context) {
		StartupReporter reporter = StartupReporter.connect(startupSocket);
		try {
			Posix posix = Posix.load();
			DaemonSettings settings = DaemonSettings.of(environment, launchDirectory, context);
			settings.output().attach(startupSocket.getParent(), posix);
			return attach(posix, settings, UserSwitch.of(settings, posix), reporter, Mode.DETACHED);
		}
		catch (RuntimeException ex) {
			reporter.failed(ex.getMessage());
			throw ex;
		}
	}

	/**
	 * Turns this process into the daemon without detaching: the launcher's checks
	 * (warnings still reach the terminal or journal), then its output, umask and pidfile.
	 */
	public static RunningDaemon foreground(DaemonSettings settings) {
		Posix posix = Posix.load();
		UserSwitch userSwitch = LaunchChecks.preflight(settings, posix, System.err);
		try (PrivateDirectory pipes = PrivateDirectory.create()) {
			settings.output().redirectThisProcess(pipes.path(), posix);
			settings.output().attach(pipes.path(), posix);
		}
		catch (IOException ex) {
			throw new DaemonStartException("Cannot prepare " + settings.output().description() + ": " + ex.getMessage(),
					ex);
		}
		posix.umask(settings.umask());
		return attach(posix, settings, userSwitch, null, Mode.FOREGROUND);
	}

	private static RunningDaemon attach(Posix posix, DaemonSettings settings, @Nullable UserSwitch userSwitch,
			@Nullable StartupReporter reporter, Mode mode) {
		long pid = ProcessHandle.current().pid();
		PidFile pidFile = PidFile.acquire(posix, settings.pidFile(), pid, (stalePid) -> logger
			.warn("Taking over stale pidfile " + settings.pidFile() + " (pid " + stalePid + " is not running)"));
		SpringApplication.getShutdownHandlers().add(pidFile::release);
		pidFile.watch(PID_FILE_CHECK, () -> logger.warn("Pidfile " + settings.pidFile()
				+ " was removed while the daemon runs; wrote it again (pid " + pid + ")"));
		OutputReopening.install(settings.output(), posix);
		logger.info("Running as daemon: pid " + pid + ", pidfile " + pidFile.getPath() + ", "
				+ settings.output().description());
		SignalState.problems()
			.forEach((problem) -> logger.warn(problem + " in this process (inherited from whatever started it, "
					+ "such as nohup or a shell trap); the daemon cannot act on it"));
		return new RunningDaemon(posix, settings, pidFile, userSwitch, reporter, mode);
	}

	public void contextPrepared(ConfigurableApplicationContext context) {
		context.getBeanFactory().registerSingleton("daemonRuntime", this.runtime);
		if (this.notifier != null) {
			SystemdNotifier notifier = this.notifier;
			context.addApplicationListener((ContextClosedEvent event) -> notifier.stopping());
		}
	}

	// The web server has bound its ports by now, and nothing has called the runners yet.
	public void started(ConfigurableApplicationContext context) {
		if (this.userSwitch != null) {
			this.userSwitch.apply(this.posix, this.pidFile.getPath(), this.settings.output().file());
			logger.info("Switched to user " + this.userSwitch);
		}
		if (this.settings.readyOn() == ReadyOn.STARTED) {
			reportReady(context);
		}
		else if (this.reporter != null) {
			this.reporter.started();
		}
	}

	public void ready(ConfigurableApplicationContext context) {
		if (this.settings.readyOn() == ReadyOn.READY) {
			reportReady(context);
		}
	}

	private void reportReady(ConfigurableApplicationContext context) {
		if (this.reporter != null) {
			this.reporter.ready();
		}
		if (this.notifier != null) {
			BooleanSupplier healthy = () -> context.isActive() && context.getBeanProvider(ServiceHealth.class)
				.getIfAvailable(() -> () -> true)
				.isHealthy();
			this.notifier.ready(this.settings.applicationName() + " running as daemon, pid " + this.runtime.pid(),
					healthy);
		}
	}

	public void failed(@Nullable ConfigurableApplicationContext context, Throwable failure) {
		this.pidFile.release();
		String description = StartupFailureDescription.of(context, failure);
		if (this.reporter != null) {
			this.reporter.failed(description);
		}
		if (this.notifier != null) {
			this.notifier.failed(description);
		}
	}

}
