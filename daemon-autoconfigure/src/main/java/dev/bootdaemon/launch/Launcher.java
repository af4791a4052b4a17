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

import dev.bootdaemon.control.ProcessTermination;
import dev.bootdaemon.output.StandardStreams;
import dev.bootdaemon.pidfile.PidFileProbe;
import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.DaemonStartException;
import dev.bootdaemon.settings.Handoff;
import dev.bootdaemon.settings.LaunchChecks;

/**
 * The launching process: checks the configuration, starts the daemon detached, waits
 * until it is ready and tells the user how it went. Never starts the application.
 */
public final class Launcher {

	private static final String LOADER_HOME = "loader.home";

	private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

	private static final int TAIL_LINES = 20;

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
		Posix posix = Posix.load();
		LaunchChecks.preflight(settings, posix, this.err);
		return start(settings, posix, launchDirectory, commandLine);
	}

	private int start(DaemonSettings settings, Posix posix, Path launchDirectory, List<String> commandLine) {
		try (StartupChannel channel = StartupChannel.open(); StartAbort abort = StartAbort.register(channel.directory())) {
			List<String> options = new ArrayList<>(markers(channel, launchDirectory));
			options.addAll(AotCache.options(settings.aotCache(), commandLine, launchDirectory, this.err));
			List<String> command = JavaCommand.relocate(commandLine, javaBinary(), launchDirectory, options);
			StandardStreams streams = settings.output().prepare(channel.directory(), posix);
			long mark = settings.output().mark();
			long pid = DetachedProcess.start(command, settings, streams, channel.directory(),
					environment(launchDirectory));
			abort.spawned(pid);
			StartupOutcome outcome = channel.await(pid, settings.startupTimeout());
			if (outcome.kind() == StartupOutcome.Kind.READY) {
				abort.ready();
				this.out.println(settings.applicationName() + " started as daemon: pid " + pid + ", pidfile "
						+ settings.pidFile() + ", " + settings.output().description());
				return 0;
			}
			abort.stop((outcome.kind() == StartupOutcome.Kind.FAILED) ? EXIT_GRACE : Duration.ZERO);
			PidFileProbe.deleteIfLeftBy(settings.pidFile(), pid);
			this.err.println(failureReport(settings, pid, outcome, mark));
			return 1;
		}
		catch (IOException ex) {
			throw new DaemonStartException("Could not start the daemon: " + ex.getMessage(), ex);
		}
	}

	private String failureReport(DaemonSettings settings, long pid, StartupOutcome outcome, long mark) {
		StringBuilder report = new StringBuilder(settings.applicationName());
		switch (outcome.kind()) {
			case FAILED -> report.append(" failed to start as a daemon (pid ")
				.append(pid)
				.append("):\n\n")
				.append(outcome.detail())
				.append("\n");
			case TIMED_OUT -> report.append(" was not ready within ")
				.append(ProcessTermination.format(settings.startupTimeout()))
				.append(" (daemon.startup-timeout) and was stopped (pid ")
				.append(pid)
				.append(")\n")
				.append(outcome.runnersStillRunning() ? "Its application context had started, but its "
						+ "CommandLineRunner or ApplicationRunner beans were still running; to count the daemon "
						+ "as started before its runners end, set daemon.ready-on=started\n" : "");
			default -> report.append(" exited during startup (pid ").append(pid).append(")\n");
		}
		if (outcome.kind() != StartupOutcome.Kind.FAILED) {
			List<String> lines = settings.output().linesSince(mark, TAIL_LINES);
			if (!lines.isEmpty()) {
				report.append("Last lines of its output:\n");
				lines.forEach((line) -> report.append("  ").append(line).append("\n"));
			}
		}
		Path outputFile = settings.output().file();
		report.append((outputFile != null) ? "Full output: " + outputFile : "Its output was discarded (daemon.output=none)");
		return report.toString();
	}

	// Tell the daemon where to report and where it was launched from; a
	// PropertiesLauncher looks for loader.properties in loader.home, by default the
	// working directory.
	private static List<String> markers(StartupChannel channel, Path launchDirectory) {
		List<String> markers = new ArrayList<>(Handoff.markers(channel.address(), launchDirectory));
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
