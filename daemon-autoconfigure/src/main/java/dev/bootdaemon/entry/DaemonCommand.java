package dev.bootdaemon.entry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

import dev.bootdaemon.control.DaemonControl;
import dev.bootdaemon.daemon.RunningDaemon;
import dev.bootdaemon.launch.Launcher;
import dev.bootdaemon.pidfile.PidFileException;
import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixProvider;
import dev.bootdaemon.posix.UnsupportedPlatformException;
import dev.bootdaemon.servicemanager.LogrotateStanza;
import dev.bootdaemon.servicemanager.SystemdUnit;
import dev.bootdaemon.settings.DaemonProperties.Command;
import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.DaemonStartException;
import dev.bootdaemon.settings.InvalidDaemonPropertyException;
import dev.bootdaemon.settings.LaunchChecks;
import dev.bootdaemon.settings.LaunchContext;
import dev.bootdaemon.settings.UserSwitch;
import dev.bootdaemon.startup.Handoff;
import dev.bootdaemon.startup.Handoff.Attached;
import dev.bootdaemon.startup.StartupReporter;

/**
 * Runs {@code daemon.command} in the launching process: {@code status} and {@code stop}
 * end the process with their exit status; {@code start} and {@code restart} either
 * detach (the launcher exits once the daemon is ready) or turn this very process into
 * the daemon, in the foreground, in two steps: {@link #run} decides before logging is
 * initialized, {@link #foreground} attaches once it is, so its lines reach the log.
 */
final class DaemonCommand {

	private final PrintStream out;

	private final PrintStream err;

	DaemonCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/**
	 * Runs the command.
	 * @param environment the environment
	 * @param context what the settings take from this process
	 * @return how this process becomes the daemon, in the foreground
	 * @throws Exit when this process is to exit instead
	 */
	ForegroundStart run(Environment environment, LaunchContext context) {
		String name = context.applicationName(environment);
		String verb = "start as a daemon";
		try {
			checkPlatform();
			Path launchDirectory = Path.of("").toAbsolutePath();
			DaemonSettings settings = DaemonSettings.of(environment, launchDirectory, context);
			verb = settings.command().name().toLowerCase(Locale.ROOT).replace('_', '-');
			switch (settings.command()) {
				case STATUS -> throw new Exit(control(settings, context, launchDirectory).status());
				case STOP -> throw new Exit(stop(settings, context, launchDirectory));
				case SYSTEMD_UNIT -> {
					this.out.print(SystemdUnit.of(settings, context.commandLine(), Launcher.javaBinary(),
							launchDirectory, ports(environment)));
					throw new Exit(0);
				}
				case LOGROTATE -> {
					this.out.print(LogrotateStanza.of(settings, PosixProvider.posix()));
					throw new Exit(0);
				}
				case RESTART -> {
					int stopped = stop(settings, context, launchDirectory);
					if (stopped != 0) {
						throw new Exit(stopped);
					}
				}
				default -> {
				}
			}
			verb = "start as a daemon";
			if (settings.detaches()) {
				throw new Exit(new Launcher(this.out, this.err).launch(settings, launchDirectory, context.commandLine()));
			}
			// Warnings still reach the terminal or the journal.
			return new ForegroundStart(settings, LaunchChecks.preflight(settings, PosixProvider.posix(), this.err));
		}
		catch (RuntimeException ex) {
			throw refusal(name, verb, ex);
		}
	}

	/**
	 * Starts the daemon before the configuration files are read (see
	 * {@link Launcher#launchEarly}), unless a service manager runs this process.
	 * @param context what the settings take from this process
	 * @throws Exit once the start is over; returns when it is to go the usual way
	 */
	void startEarly(LaunchContext context) {
		if (context.serviceManager() != null) {
			return;
		}
		try {
			OptionalInt status = new Launcher(this.out, this.err).launchEarly(context.defaultName(),
					Path.of("").toAbsolutePath(), context.commandLine());
			if (status.isPresent()) {
				throw new Exit(status.getAsInt());
			}
		}
		catch (RuntimeException ex) {
			throw refusal(context.defaultName(), "start as a daemon", ex);
		}
	}

	/**
	 * In a daemon started early: makes the checks its launcher would have made, sets the
	 * umask, points this process's output at the target and tells the launcher; exits
	 * when the checks fail, or when the settings need the usual start.
	 * @param environment the environment, with the configuration loaded
	 * @param context the launcher's context (see {@link LaunchContext#asEarlyLauncher})
	 * @param launchDirectory where the launcher ran
	 * @param enabled whether the configuration still asks for daemon mode
	 * @return what the attach takes on
	 */
	static EarlyStart checkEarly(Environment environment, LaunchContext context, Path launchDirectory,
			boolean enabled) {
		Path socket = Objects.requireNonNull(Handoff.startupSocket());
		StartupReporter reporter = StartupReporter.connect(socket);
		ByteArrayOutputStream said = new ByteArrayOutputStream();
		PrintStream launcherErr = new PrintStream(said, true, StandardCharsets.UTF_8);
		EarlyStart start = null;
		try {
			if (enabled) {
				start = new DaemonCommand(launcherErr, launcherErr).prepareEarly(environment, context,
						launchDirectory, reporter, socket.getParent());
			}
		}
		catch (Exit refused) {
			reporter.refused(said.toString(StandardCharsets.UTF_8));
			System.exit(refused.status());
			throw refused;
		}
		if (start == null) {
			reporter.fallback();
			System.exit(0);
			throw new Exit(0);
		}
		reporter.attached(Attached.of(start.settings(), start.outputMark(), said.toString(StandardCharsets.UTF_8)));
		return start;
	}

	// Null if the settings need the usual start: not a detaching start, or one with a
	// working directory or JVM options of its own.
	private @Nullable EarlyStart prepareEarly(Environment environment, LaunchContext context, Path launchDirectory,
			StartupReporter reporter, Path privateDirectory) {
		String name = context.applicationName(environment);
		try {
			DaemonSettings settings = DaemonSettings.of(environment, launchDirectory, context);
			if (settings.command() != Command.START || !settings.detaches() || settings.aotCache() != null
					|| !settings.workingDirectory().equals(Path.of("").toAbsolutePath())) {
				return null;
			}
			Posix posix = PosixProvider.posix();
			LaunchChecks.preflight(settings, posix, this.err);
			long mark = settings.output().mark();
			posix.umask(settings.umask());
			try {
				settings.output().redirectThisProcess(privateDirectory, posix);
			}
			catch (IOException ex) {
				throw new DaemonStartException(
						"Cannot prepare " + settings.output().description() + ": " + ex.getMessage(), ex);
			}
			return new EarlyStart(settings, mark, reporter, privateDirectory, context.commandLine());
		}
		catch (RuntimeException ex) {
			throw refusal(name, "start as a daemon", ex);
		}
	}

	/**
	 * Turns this process into the daemon, in the foreground.
	 * @param start what {@link #run} returned
	 * @return the daemon this process became
	 * @throws Exit when it cannot become the daemon
	 */
	RunningDaemon foreground(ForegroundStart start) {
		try {
			return RunningDaemon.foreground(start.settings(), start.userSwitch());
		}
		catch (RuntimeException ex) {
			throw refusal(start.settings().applicationName(), "start as a daemon", ex);
		}
	}

	// What the user can mend becomes one line and exit status 1; anything else is a bug
	// and keeps its stack trace.
	private RuntimeException refusal(String name, String verb, RuntimeException ex) {
		if (!(ex instanceof DaemonStartException || ex instanceof InvalidConfigurationPropertyValueException
				|| ex instanceof PidFileException || ex instanceof UnsupportedPlatformException)) {
			return ex;
		}
		String reason = (ex instanceof InvalidConfigurationPropertyValueException invalid)
				? InvalidDaemonPropertyException.of(invalid).getMessage() : ex.getMessage();
		this.err.println(name + " cannot " + verb + ": " + reason);
		return new Exit(1);
	}

	private static List<Integer> ports(Environment environment) {
		return Stream.of("server.port", "management.server.port")
			.map((property) -> environment.getProperty(property, Integer.class))
			.filter(Objects::nonNull)
			.toList();
	}

	private int stop(DaemonSettings settings, LaunchContext context, Path launchDirectory) {
		return control(settings, context, launchDirectory).stop(settings.stopTimeout(), settings.stopForce());
	}

	private DaemonControl control(DaemonSettings settings, LaunchContext context, Path launchDirectory) {
		return new DaemonControl(settings.applicationName(), settings.pidFile(),
				ApplicationIdentity.of(context.commandLine(), launchDirectory), this.out, this.err);
	}

	// Named as the property that asked for daemon mode, as any refused setting is.
	private static void checkPlatform() {
		try {
			PosixProvider.checkPlatform();
		}
		catch (UnsupportedPlatformException ex) {
			throw new InvalidDaemonPropertyException("daemon.enabled", true, ex.getMessage());
		}
	}

	/**
	 * Runs a step of the command, and exits the JVM when the step says so.
	 * @param <T> what the step returns
	 * @param step the step
	 * @return what the step returned
	 */
	static <T> T exitIfAsked(Supplier<T> step) {
		try {
			return step.get();
		}
		catch (Exit exit) {
			System.exit(exit.status());
			throw exit;
		}
	}

	/**
	 * What a start in the foreground takes from the checks to the attach.
	 *
	 * @param settings the settings
	 * @param userSwitch the user to switch to once started, or {@code null}
	 */
	record ForegroundStart(DaemonSettings settings, @Nullable UserSwitch userSwitch) {
	}

	/**
	 * What an early daemon takes from its checks to its attach.
	 *
	 * @param settings the settings
	 * @param outputMark where its output begins in the output file
	 * @param reporter its end of the startup channel
	 * @param privateDirectory the launcher's private directory
	 * @param commandLine this JVM's command line
	 */
	record EarlyStart(DaemonSettings settings, long outputMark, StartupReporter reporter, Path privateDirectory,
			List<String> commandLine) {
	}

	/**
	 * The launching process is done and exits with this status.
	 */
	static final class Exit extends RuntimeException {

		private final int status;

		Exit(int status) {
			super(null, null, false, false);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

}
