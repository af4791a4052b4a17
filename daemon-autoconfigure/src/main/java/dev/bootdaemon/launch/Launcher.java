package dev.bootdaemon.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.commandline.JavaCommand;
import dev.bootdaemon.commandline.NativeAccess;
import dev.bootdaemon.control.ProcessTermination;
import dev.bootdaemon.output.StandardStreams;
import dev.bootdaemon.pidfile.PidFileProbe;
import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixProvider;
import dev.bootdaemon.settings.DaemonProperties;
import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.DaemonStartException;
import dev.bootdaemon.settings.LaunchChecks;
import dev.bootdaemon.startup.Handoff;
import dev.bootdaemon.startup.Handoff.Attached;
import dev.bootdaemon.startup.StartupChannel;
import dev.bootdaemon.startup.StartupOutcome;
import dev.bootdaemon.supervisor.SupervisorScript;

/**
 * The launching process: checks the configuration, starts the daemon detached, waits
 * until it is ready and tells the user how it went. Never starts the application.
 */
public final class Launcher {

	private static final String LOADER_HOME = "loader.home";

	private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

	private static final int TAIL_LINES = 20;

	private static final Path ROOT = Path.of("/");

	private static final Duration DEFAULT_STARTUP_TIMEOUT = new DaemonProperties().getStartupTimeout();

	private final PrintStream out;

	private final PrintStream err;

	/**
	 * Creates the launcher.
	 * @param out where the summary line goes
	 * @param err where warnings and failures go
	 */
	public Launcher(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/**
	 * Starts the daemon detached and waits until it is ready.
	 * @param settings the daemon settings
	 * @param launchDirectory the directory the launcher runs in
	 * @param commandLine this JVM's command line, as byte strings
	 * @return the exit status for the launching process
	 */
	public int launch(DaemonSettings settings, Path launchDirectory, List<String> commandLine) {
		Posix posix = PosixProvider.posix();
		LaunchChecks.preflight(settings, posix, this.err);
		try (StartupChannel channel = StartupChannel.open(); StartAbort abort = StartAbort.register(channel)) {
			List<String> options = new ArrayList<>(markers(Handoff.markers(channel.address(), launchDirectory),
					launchDirectory));
			options.addAll(
					AotCache.options(settings.aotCache(), commandLine, launchDirectory, settings.user(), this.err));
			LaunchReport report = LaunchReport.of(settings);
			boolean supervised = settings.supervised();
			long pid;
			try (StandardStreams streams = settings.output().prepare(channel.directory(), posix)) {
				pid = spawn(commandLine, launchDirectory, options, settings.workingDirectory(), settings.umaskOctal(),
						streams, channel, supervised ? settings : null);
			}
			abort.spawned(pid);
			return finish(channel.await(pid, settings.startupTimeout()), pid, abort,
					supervised ? report.supervised(settings.restart()) : report);
		}
		catch (IOException ex) {
			throw couldNotStart(ex);
		}
	}

	/**
	 * Starts the daemon before this process has read the configuration files, when the
	 * command line already asks for daemon mode: the daemon's start overlaps what this
	 * process would have done, and the daemon makes this process's checks itself, before
	 * it creates anything. Its first output is held in the launcher's private directory
	 * until it knows where its output goes.
	 * @param defaultName the application's name until the daemon says it
	 * @param launchDirectory the directory the launcher runs in
	 * @param commandLine this JVM's command line, as byte strings
	 * @return the exit status for the launching process, or empty when the daemon's
	 * settings need the usual start (the daemon is gone then)
	 */
	public OptionalInt launchEarly(String defaultName, Path launchDirectory, List<String> commandLine) {
		try (StartupChannel channel = StartupChannel.open(); StartAbort abort = StartAbort.register(channel)) {
			StandardStreams earlyOutput = new StandardStreams(channel.directory().resolve(Handoff.EARLY_STDOUT),
					channel.directory().resolve(Handoff.EARLY_STDERR), false);
			long pid = spawn(commandLine, launchDirectory,
					markers(Handoff.earlyMarkers(channel.address(), launchDirectory), launchDirectory), ROOT, null,
					earlyOutput, channel, null);
			abort.spawned(pid);
			StartupOutcome outcome = channel.await(pid, DEFAULT_STARTUP_TIMEOUT);
			if (outcome.kind() == StartupOutcome.Kind.FALLBACK || outcome.kind() == StartupOutcome.Kind.REFUSED) {
				abort.stop(EXIT_GRACE);
				if (outcome.kind() == StartupOutcome.Kind.FALLBACK) {
					return OptionalInt.empty();
				}
				this.err.println(outcome.detail());
				return OptionalInt.of(1);
			}
			Attached attached = outcome.attached();
			if (attached == null) {
				return OptionalInt.of(finish(outcome, pid, abort,
						LaunchReport.beforeSettings(defaultName, earlyOutput, DEFAULT_STARTUP_TIMEOUT)));
			}
			this.err.print(attached.warnings());
			return OptionalInt.of(finish(outcome, pid, abort, LaunchReport.of(attached)));
		}
		catch (IOException ex) {
			throw couldNotStart(ex);
		}
	}

	// The pid of the daemon, or of its supervisor when it has one.
	private long spawn(List<String> commandLine, Path launchDirectory, List<String> options, Path workingDirectory,
			@Nullable String umask, StandardStreams streams, StartupChannel channel,
			@Nullable DaemonSettings supervised) {
		List<String> daemonOptions = new ArrayList<>(options);
		daemonOptions.addAll(NativeAccess.options(commandLine, launchDirectory));
		List<String> command = JavaCommand.relocate(commandLine, javaBinary(), launchDirectory, daemonOptions);
		String script = (supervised != null) ? SupervisorScript.of(command, supervised)
				: DetachedProcess.script(command);
		List<String> arguments = (supervised != null) ? SupervisorScript.arguments(supervised.pidFile()) : List.of();
		return DetachedProcess.start(script, arguments, workingDirectory, umask, streams, channel.directory(),
				environment(launchDirectory));
	}

	private int finish(StartupOutcome outcome, long pid, StartAbort abort, LaunchReport report) {
		if (outcome.kind() == StartupOutcome.Kind.READY) {
			abort.ready();
			this.out.println(report.summary(pid));
			return 0;
		}
		abort.stop((outcome.kind() == StartupOutcome.Kind.FAILED) ? EXIT_GRACE : Duration.ZERO);
		if (report.pidFile() != null) {
			// A supervisor's pid is not the one its daemon wrote.
			PidFileProbe.deleteIfLeftBy(report.pidFile(),
					(report.restart() != null) ? PidFileProbe.readPid(report.pidFile()) : pid);
		}
		this.err.println(failureReport(report, pid, outcome));
		return 1;
	}

	private static DaemonStartException couldNotStart(IOException ex) {
		return new DaemonStartException("Could not start the daemon: " + ex.getMessage(), ex);
	}

	private static String failureReport(LaunchReport launch, long pid, StartupOutcome outcome) {
		StringBuilder report = new StringBuilder(launch.applicationName());
		switch (outcome.kind()) {
			case FAILED -> report.append(" failed to start as a daemon (pid ")
				.append(pid)
				.append("):\n\n")
				.append(outcome.detail())
				.append("\n");
			case TIMED_OUT -> report.append(" was not ready within ")
				.append(ProcessTermination.format(launch.startupTimeout()))
				.append(" (daemon.startup-timeout) and was stopped (pid ")
				.append(pid)
				.append(")\n")
				.append(outcome.runnersStillRunning() ? "Its application context had started, but its "
						+ "CommandLineRunner or ApplicationRunner beans were still running; to count the daemon "
						+ "as started before its runners end, set daemon.ready-on=started\n" : "");
			default -> report.append(" exited during startup (pid ").append(pid).append(")\n");
		}
		if (outcome.kind() != StartupOutcome.Kind.FAILED) {
			List<String> lines = launch.linesSince(TAIL_LINES);
			if (!lines.isEmpty()) {
				report.append("Last lines of its output:\n");
				lines.forEach((line) -> report.append("  ").append(line).append("\n"));
			}
		}
		return report.append(launch.fullOutput()).toString().strip();
	}

	// Tell the daemon where to report and where it was launched from; a
	// PropertiesLauncher looks for loader.properties in loader.home, by default the
	// working directory.
	private static List<String> markers(List<String> handoff, Path launchDirectory) {
		List<String> markers = new ArrayList<>(handoff);
		if (System.getProperty(LOADER_HOME) == null && Files.exists(launchDirectory.resolve("loader.properties"))) {
			markers.add("-D" + LOADER_HOME + "=" + launchDirectory);
		}
		return markers;
	}

	// The JVM reads a relative CLASSPATH against its working directory.
	private static Map<String, String> environment(Path launchDirectory) {
		Map<String, String> environment = new HashMap<>(System.getenv());
		environment.computeIfPresent("CLASSPATH",
				(name, classPath) -> JavaCommand.absoluteClassPath(classPath, launchDirectory));
		return environment;
	}

	/**
	 * Returns the absolute java binary that runs this process.
	 * @return the binary
	 */
	public static String javaBinary() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElseThrow(() -> new DaemonStartException("Cannot tell which java binary runs this process"));
	}

}
