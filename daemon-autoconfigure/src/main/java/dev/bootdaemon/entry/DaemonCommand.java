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
 * end in their exit status; {@code start} and {@code restart} either detach (the
 * launcher exits once the daemon is ready) or turn this very process into the daemon,
 * in the foreground, in two steps: {@link #run} decides before logging is initialized,
 * {@link #foreground} attaches once it is, so its lines reach the log. Each returns a
 * {@link Step}; the caller applies it.
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
	 * @return how this process becomes the daemon, in the foreground, or its exit
	 */
	Step<ForegroundStart> run(Environment environment, LaunchContext context) {
		String name = context.applicationName(environment);
		String verb = "start as a daemon";
		try {
			checkPlatform();
			Path launchDirectory = Path.of("").toAbsolutePath();
			DaemonSettings settings = DaemonSettings.of(environment, launchDirectory, context);
			verb = settings.command().name().toLowerCase(Locale.ROOT).replace('_', '-');
			switch (settings.command()) {
				case STATUS -> {
					return Step.exit(control(settings, context, launchDirectory).status());
				}
				case STOP -> {
					return Step.exit(stop(settings, context, launchDirectory));
				}
				case SYSTEMD_UNIT -> {
					this.out.print(SystemdUnit.of(settings, context.commandLine(), Launcher.javaBinary(),
							launchDirectory, ports(environment)));
					return Step.exit(0);
				}
				case LOGROTATE -> {
					this.out.print(LogrotateStanza.of(settings, PosixProvider.posix()));
					return Step.exit(0);
				}
				case RESTART -> {
					int stopped = stop(settings, context, launchDirectory);
					if (stopped != 0) {
						return Step.exit(stopped);
					}
				}
				default -> {
				}
			}
			verb = "start as a daemon";
			if (settings.detaches()) {
				return Step.exit(new Launcher(this.out, this.err).launch(settings, launchDirectory,
						context.commandLine()));
			}
			// Warnings still reach the terminal or the journal.
			return Step.proceed(
					new ForegroundStart(settings, LaunchChecks.preflight(settings, PosixProvider.posix(), this.err)));
		}
		catch (RuntimeException ex) {
			return refusal(name, verb, ex);
		}
	}

	/**
	 * Starts the daemon before the configuration files are read (see
	 * {@link Launcher#launchEarly}), unless a service manager runs this process.
	 * @param context what the settings take from this process
	 * @return the exit once the start is over, or this command when it is to go the
	 * usual way
	 */
	Step<DaemonCommand> startEarly(LaunchContext context) {
		if (context.serviceManager() != null) {
			return Step.proceed(this);
		}
		try {
			OptionalInt status = new Launcher(this.out, this.err).launchEarly(context.defaultName(),
					Path.of("").toAbsolutePath(), context.commandLine());
			return status.isPresent() ? Step.exit(status.getAsInt()) : Step.proceed(this);
		}
		catch (RuntimeException ex) {
			return refusal(context.defaultName(), "start as a daemon", ex);
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
	static Step<EarlyStart> checkEarly(Environment environment, LaunchContext context, Path launchDirectory,
			boolean enabled) {
		Path socket = Objects.requireNonNull(Handoff.startupSocket());
		StartupReporter reporter = StartupReporter.connect(socket);
		ByteArrayOutputStream said = new ByteArrayOutputStream();
		PrintStream launcherErr = new PrintStream(said, true, StandardCharsets.UTF_8);
		if (!enabled) {
			reporter.fallback();
			return Step.exit(0);
		}
		Step<@Nullable EarlyStart> checked = new DaemonCommand(launcherErr, launcherErr).prepareEarly(environment,
				context, launchDirectory, reporter, socket.getParent());
		if (checked instanceof Step.Exit<@Nullable EarlyStart> refused) {
			reporter.refused(said.toString(StandardCharsets.UTF_8));
			return Step.exit(refused.status());
		}
		EarlyStart start = ((Step.Proceed<@Nullable EarlyStart>) checked).value();
		if (start == null) {
			reporter.fallback();
			return Step.exit(0);
		}
		reporter.attached(Attached.of(start.settings(), start.outputMark(), said.toString(StandardCharsets.UTF_8)));
		return Step.proceed(start);
	}

	// Null if the settings need the usual start: not a detaching start, or one with a
	// working directory, JVM options or a supervisor of its own.
	private Step<@Nullable EarlyStart> prepareEarly(Environment environment, LaunchContext context,
			Path launchDirectory, StartupReporter reporter, Path privateDirectory) {
		String name = context.applicationName(environment);
		try {
			DaemonSettings settings = DaemonSettings.of(environment, launchDirectory, context);
			if (settings.command() != Command.START || !settings.detaches() || settings.aotCache() != null
					|| settings.supervised()
					|| !settings.workingDirectory().equals(Path.of("").toAbsolutePath())) {
				return Step.proceed(null);
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
			return Step.proceed(new EarlyStart(settings, mark, reporter, privateDirectory, context.commandLine()));
		}
		catch (RuntimeException ex) {
			return refusal(name, "start as a daemon", ex);
		}
	}

	/**
	 * Turns this process into the daemon, in the foreground.
	 * @param start what {@link #run} went on with
	 * @return the daemon this process became, or the exit when it cannot become it
	 */
	Step<RunningDaemon> foreground(ForegroundStart start) {
		try {
			return Step.proceed(RunningDaemon.foreground(start.settings(), start.userSwitch()));
		}
		catch (RuntimeException ex) {
			return refusal(start.settings().applicationName(), "start as a daemon", ex);
		}
	}

	// What the user can mend becomes one line and exit status 1; anything else is a bug
	// and keeps its stack trace.
	private <T> Step<T> refusal(String name, String verb, RuntimeException ex) {
		if (!(ex instanceof DaemonStartException || ex instanceof InvalidConfigurationPropertyValueException
				|| ex instanceof PidFileException || ex instanceof UnsupportedPlatformException)) {
			throw ex;
		}
		String reason = (ex instanceof InvalidConfigurationPropertyValueException invalid)
				? InvalidDaemonPropertyException.of(invalid).getMessage() : ex.getMessage();
		this.err.println(name + " cannot " + verb + ": " + reason);
		return Step.exit(1);
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
		ApplicationIdentity identity = ApplicationIdentity.of(context.commandLine(), launchDirectory);
		return new DaemonControl(settings.applicationName(),
				LaunchedElsewhere.pidFile(settings.pidFile(), launchDirectory, identity), identity, this.out, this.err);
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

}
