package dev.bootdaemon.daemon;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.bootdaemon.daemon.DaemonRuntime.Mode;
import dev.bootdaemon.output.AttachedOutput;
import dev.bootdaemon.output.OutputReopening;
import dev.bootdaemon.pidfile.PidFile;
import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixProvider;
import dev.bootdaemon.posix.ProcFiles;
import dev.bootdaemon.posix.SignalState;
import dev.bootdaemon.servicemanager.ServiceHealth;
import dev.bootdaemon.servicemanager.ServiceManager;
import dev.bootdaemon.servicemanager.SocketActivation;
import dev.bootdaemon.servicemanager.SystemdNotifier;
import dev.bootdaemon.settings.DaemonProperties.ReadyOn;
import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.DaemonStartException;
import dev.bootdaemon.settings.LaunchContext;
import dev.bootdaemon.settings.UserSwitch;
import dev.bootdaemon.startup.Handoff;
import dev.bootdaemon.startup.PrivateDirectory;
import dev.bootdaemon.startup.StartupReporter;
import dev.bootdaemon.supervisor.Heartbeat;
import dev.bootdaemon.supervisor.Supervision;

/**
 * The daemon's side of daemon mode, detached or in the foreground: attaches (output,
 * pidfile, signals), drops root once the web server has bound its ports, tells the
 * launcher and systemd how the start went, and stops in one {@link StopSequence}.
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

	private final @Nullable Supervision supervision;

	private final @Nullable Heartbeat heartbeat;

	private final StopSequence stop;

	private final DaemonRuntime runtime;

	private volatile String status;

	private final AtomicBoolean switched = new AtomicBoolean();

	private RunningDaemon(Posix posix, DaemonSettings settings, AttachedOutput output, PidFile pidFile,
			@Nullable UserSwitch userSwitch, @Nullable StartupReporter reporter, Mode mode, boolean socketActivated,
			@Nullable Supervision supervision) {
		this.posix = posix;
		this.settings = settings;
		this.pidFile = pidFile;
		this.userSwitch = userSwitch;
		this.reporter = reporter;
		this.notifier = SystemdNotifier.fromEnvironment(posix, System.getenv());
		this.supervision = supervision;
		this.heartbeat = (supervision != null) ? Heartbeat.open(supervision.heartbeat()) : null;
		this.stop = StopSequence.install(this.notifier, settings.applicationName() + " stopping", output, pidFile,
				socketActivated);
		if (this.heartbeat != null) {
			this.stop.onClosing(this.heartbeat::stopping);
		}
		// A first start that fails removes its pidfile before its launcher says so; once
		// ready, or when restarted, it leaves the pidfile to the supervisor.
		if (supervision != null && supervision.restarted()) {
			pidFile.leaveTo(supervision.supervisor());
		}
		this.status = settings.applicationName() + " starting, pid " + ProcessHandle.current().pid();
		if (this.notifier != null) {
			this.notifier.starting(this.status, settings.startupTimeout());
		}
		this.runtime = new DaemonRuntime(mode, ProcessHandle.current().pid(), pidFile.getPath(),
				settings.output().value(), output::droppedLines, (userSwitch != null) ? userSwitch.user() : null,
				socketActivated);
	}

	/**
	 * Attaches the detached daemon, which reports back to its launcher, unless its
	 * supervisor restarted it.
	 * @param environment the environment, with the configuration loaded
	 * @param startupSocket where the launcher waits for the report
	 * @param launchDirectory where the launcher ran
	 * @param context what the settings take from this process
	 * @return the daemon
	 */
	public static RunningDaemon detached(Environment environment, Path startupSocket, Path launchDirectory,
			LaunchContext context) {
		Supervision supervision = Supervision.current();
		StartupReporter reporter = (supervision != null && supervision.restarted()) ? null
				: StartupReporter.connect(startupSocket);
		return detached(() -> DaemonSettings.of(environment, launchDirectory, context), reporter,
				startupSocket.getParent(), context.commandLine(), supervision);
	}

	/**
	 * Attaches the detached daemon whose output is set up: an early daemon, which has
	 * made its launcher's checks and pointed its output at the target, and then writes
	 * there what it wrote before.
	 * @param settings the settings
	 * @param reporter the daemon's end of the startup channel
	 * @param privateDirectory the launcher's private directory
	 * @param commandLine this JVM's command line
	 * @return the daemon
	 */
	public static RunningDaemon detached(DaemonSettings settings, StartupReporter reporter, Path privateDirectory,
			List<String> commandLine) {
		return detached(() -> settings, reporter, privateDirectory, commandLine, null);
	}

	// Whatever fails, from binding the settings on, the launcher is told why.
	private static RunningDaemon detached(Supplier<DaemonSettings> settingsSource,
			@Nullable StartupReporter reporter, Path privateDirectory, List<String> commandLine,
			@Nullable Supervision supervision) {
		try {
			DaemonSettings settings = settingsSource.get();
			Posix posix = PosixProvider.posix();
			AttachedOutput output = settings.output().attach(privateDirectory, posix);
			if (supervision != null && supervision.restarted()) {
				reopenAfterRestart(output);
			}
			copyEarlyOutput(privateDirectory.resolve(Handoff.EARLY_STDOUT), FileDescriptor.out);
			copyEarlyOutput(privateDirectory.resolve(Handoff.EARLY_STDERR), FileDescriptor.err);
			removeLaunchersDirectory(privateDirectory);
			RunningDaemon daemon = attach(posix, settings, output, UserSwitch.of(settings, posix), reporter,
					Mode.DETACHED, false, supervision);
			AotTraining.describe(settings.aotCache(), commandLine).ifPresent(logger::info);
			return daemon;
		}
		catch (RuntimeException ex) {
			if (reporter != null) {
				reporter.failed(ex.getMessage());
			}
			throw ex;
		}
	}

	// The supervisor's descriptors name the output file it was started with, which
	// logrotate may have moved away since.
	private static void reopenAfterRestart(AttachedOutput output) {
		try {
			output.reopen();
		}
		catch (IllegalStateException ex) {
			logger.warn("Could not reopen " + output.description() + " after the restart: " + ex.getMessage());
		}
	}

	// Its socket is connected, its pipes open, its command started: nothing in it is
	// needed any more, and a launcher killed meanwhile would leave it.
	private static void removeLaunchersDirectory(Path privateDirectory) {
		try {
			PrivateDirectory.remove(privateDirectory);
		}
		catch (IOException ex) {
			logger.debug("Could not remove " + privateDirectory + ": " + ex.getMessage());
		}
	}

	// Once the output is served: a syslog pipe is read from attach on. The stream is not
	// closed: it would close the descriptor.
	private static void copyEarlyOutput(Path earlyOutput, FileDescriptor descriptor) {
		if (Files.exists(earlyOutput)) {
			try {
				Files.copy(earlyOutput, new FileOutputStream(descriptor));
				Files.delete(earlyOutput);
			}
			catch (IOException ex) {
				logger.warn("Could not copy the daemon's first output from " + earlyOutput + ": " + ex.getMessage());
			}
		}
	}

	/**
	 * Turns this process into the daemon without detaching, once the launcher's checks
	 * have passed: its output, umask and pidfile.
	 * @param settings the settings
	 * @param userSwitch the user to switch to once started, or {@code null}
	 * @return the daemon
	 */
	public static RunningDaemon foreground(DaemonSettings settings, @Nullable UserSwitch userSwitch) {
		Posix posix = PosixProvider.posix();
		AttachedOutput output;
		try (PrivateDirectory pipes = PrivateDirectory.create()) {
			settings.output().redirectThisProcess(pipes.path(), posix);
			output = settings.output().attach(pipes.path(), posix);
		}
		catch (IOException ex) {
			throw new DaemonStartException("Cannot prepare " + settings.output().description() + ": " + ex.getMessage(),
					ex);
		}
		posix.umask(settings.umask());
		boolean socketActivated = ServiceManager.isSocketActivated(System.getenv(), ProcessHandle.current().pid());
		if (socketActivated) {
			// Before anything asks the JDK for the inherited channel, which it reads once.
			SocketActivation.takeOver(posix, System.getenv());
		}
		return attach(posix, settings, output, userSwitch, null, Mode.FOREGROUND, socketActivated, null);
	}

	private static RunningDaemon attach(Posix posix, DaemonSettings settings, AttachedOutput output,
			@Nullable UserSwitch userSwitch, @Nullable StartupReporter reporter, Mode mode, boolean socketActivated,
			@Nullable Supervision supervision) {
		long pid = ProcessHandle.current().pid();
		// A restarted daemon takes over the pidfile its supervisor kept, whose line said why.
		PidFile pidFile = PidFile.acquire(posix, settings.pidFile(), pid, (stalePid) -> {
			if (supervision == null || !supervision.restarted()) {
				logger.warn(
						"Taking over stale pidfile " + settings.pidFile() + " (pid " + stalePid + " is not running)");
			}
		});
		pidFile.watch(PID_FILE_CHECK, () -> logger.warn("Pidfile " + settings.pidFile()
				+ " was removed while the daemon runs; wrote it again (pid " + pid + ")"),
				(ex) -> logger.warn("Pidfile " + settings.pidFile() + " is missing and cannot be written again yet ("
						+ ex.getMessage() + "); trying every " + PID_FILE_CHECK.toSeconds() + " s"));
		logger.info("Running as daemon: pid " + pid + ", pidfile " + pidFile.getPath() + ", " + output.description());
		SignalState.problems()
			.forEach((problem) -> logger.warn(problem + " in this process (inherited from whatever started it, "
					+ "such as nohup or a shell trap); the daemon cannot act on it"));
		if (supervision != null) {
			logger.info("Supervised (daemon.restart=" + settings.restart().value() + "): " + supervision.describe());
		}
		RunningDaemon daemon = new RunningDaemon(posix, settings, output, pidFile, userSwitch, reporter, mode,
				socketActivated, supervision);
		daemon.stop.onClosed(OutputReopening.install(output, daemon.reload()));
		return daemon;
	}

	private OutputReopening.Reload reload() {
		SystemdNotifier notifier = this.notifier;
		if (notifier == null) {
			return new OutputReopening.Reload() {
			};
		}
		return new OutputReopening.Reload() {

			@Override
			public void reloading() {
				notifier.reloading();
			}

			@Override
			public void reloaded() {
				notifier.reloaded(RunningDaemon.this.status);
			}

		};
	}

	/**
	 * Makes the daemon known to the application context about to be refreshed.
	 * @param context the context
	 */
	public void contextPrepared(ConfigurableApplicationContext context) {
		context.getBeanFactory().registerSingleton(DaemonRuntime.BEAN_NAME, this.runtime);
		this.stop.watch(context);
		// A management server on a port of its own binds later, in a child context.
		String managementPort = context.getEnvironment().getProperty("management.server.port");
		if (this.userSwitch != null && (managementPort == null
				|| managementPort.equals(context.getEnvironment().getProperty("server.port")))) {
			WebServerBound.register(context, this::switchUser);
		}
	}

	/**
	 * The context has started: the web server has bound its ports, and nothing has
	 * called the runners yet. Root is dropped here at the latest.
	 * @param context the context
	 */
	public void started(ConfigurableApplicationContext context) {
		switchUser();
		if (this.settings.readyOn() == ReadyOn.STARTED) {
			reportReady(context);
		}
		else if (this.reporter != null) {
			this.reporter.started();
		}
	}

	// As soon as the web server has bound its ports, else once the context has started.
	private void switchUser() {
		if (this.userSwitch == null || !this.switched.compareAndSet(false, true)) {
			return;
		}
		// Through the open files: a name in a directory the user can write could by now
		// be a link to a root file. The user can then still reopen its output and remove
		// its pidfile.
		List<Path> files = new ArrayList<>(List.of(this.pidFile.openFile()));
		if (this.settings.output().file() != null) {
			files.add(ProcFiles.ownPath(1));
		}
		for (Path file : files) {
			try {
				Files.setAttribute(file, "unix:uid", this.userSwitch.uid());
				Files.setAttribute(file, "unix:gid", this.userSwitch.gid());
			}
			catch (IOException ex) {
				throw new DaemonStartException("Cannot hand " + file + " to user " + this.userSwitch.user() + ": " + ex,
						ex);
			}
		}
		this.posix.switchUser(this.userSwitch.user(), this.userSwitch.uid(), this.userSwitch.gid());
		logger.info("Switched to user " + this.userSwitch);
	}

	/**
	 * The application is ready.
	 * @param context the context
	 */
	public void ready(ConfigurableApplicationContext context) {
		if (this.settings.readyOn() == ReadyOn.READY) {
			reportReady(context);
		}
	}

	// The supervisor first: a launcher that misses READY stops the supervisor with it.
	private void reportReady(ConfigurableApplicationContext context) {
		BooleanSupplier healthy = () -> context.isActive() && context.getBeanProvider(ServiceHealth.class)
			.getIfAvailable(() -> () -> true)
			.isHealthy();
		if (this.supervision != null) {
			this.pidFile.leaveTo(this.supervision.supervisor());
		}
		if (this.heartbeat != null) {
			this.heartbeat.ready(this.settings.restart().watchdog(), healthy);
		}
		if (this.reporter != null) {
			this.reporter.ready();
		}
		String port = context.getEnvironment().getProperty("local.server.port");
		this.status = this.settings.applicationName() + " running as daemon, pid " + this.runtime.pid()
				+ ((port != null) ? ", port " + port : "");
		if (this.notifier != null) {
			this.notifier.ready(this.status, healthy);
		}
	}

	/**
	 * The application failed to start.
	 * @param context the context, if there was one
	 * @param failure what failed
	 */
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
