package dev.bootdaemon.settings;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

import dev.bootdaemon.output.OutputTarget;
import dev.bootdaemon.settings.DaemonProperties.Command;
import dev.bootdaemon.settings.DaemonProperties.Output;
import dev.bootdaemon.settings.DaemonProperties.ReadyOn;

/**
 * The {@code daemon.*} properties bound, checked for values that cannot work, and with
 * relative paths resolved against the launch directory. The launcher and the daemon
 * resolve them alike, so both name the same files.
 *
 * @param applicationName {@code spring.application.name}, else the jar's or main class's
 * name
 * @param workingDirectory the daemon's working directory
 * @param umask the daemon's file mode creation mask
 * @param output where the daemon's standard output and error go
 * @param pidFile the pidfile
 * @param pidFileProperty the property the pidfile was set by
 * @param startupTimeout how long the launcher waits for the daemon to be ready
 * @param command what the launching process does
 * @param stopTimeout how long stop waits after SIGTERM
 * @param stopForce whether stop ends with SIGKILL
 * @param watchdog the watchdog interval of a generated systemd unit, or {@code null}
 * @param restart when and how fast the daemon is started again after it ended
 * @param aotCache the daemon's AOT cache, or {@code null}
 * @param detaches whether the launching process detaches the daemon
 * @param serviceManager what manages this process, or {@code null}
 * @param readyOn when the daemon counts as started
 * @param user the user to switch to, or {@code null}
 * @param group the group to switch to, or {@code null}
 * @param outputStrict whether an unreachable output fails the start
 */
public record DaemonSettings(String applicationName, Path workingDirectory, int umask, OutputTarget output, Path pidFile,
		String pidFileProperty, Duration startupTimeout, Command command, Duration stopTimeout, boolean stopForce,
		@Nullable Duration watchdog, RestartPolicy restart, @Nullable Path aotCache, boolean detaches,
		@Nullable String serviceManager,
		ReadyOn readyOn, @Nullable String user, @Nullable String group, boolean outputStrict) {

	static final String PID_FILE = "daemon.pid-file";

	static final String SPRING_PID_FILE = "spring.pid.file";

	/** The property that names the output file. */
	public static final String OUTPUT_FILE = "daemon.output-file";

	static final String WORKING_DIRECTORY = "daemon.working-directory";

	static final String STARTUP_TIMEOUT = "daemon.startup-timeout";

	static final String STOP_TIMEOUT = "daemon.stop-timeout";

	/**
	 * Binds and checks the {@code daemon.*} properties.
	 * @param environment the environment, with the configuration loaded
	 * @param launchDirectory what relative paths are relative to
	 * @param context what the settings take from the process
	 * @return the settings
	 * @throws InvalidDaemonPropertyException naming a property that cannot work
	 */
	public static DaemonSettings of(Environment environment, Path launchDirectory, LaunchContext context) {
		Binder binder = Binder.get(environment);
		DaemonProperties properties = bind(binder);
		String name = context.applicationName(environment);
		String pidFile = properties.getPidFile();
		String pidFileProperty = PID_FILE;
		if (pidFile == null) {
			pidFile = binder.bind(SPRING_PID_FILE, String.class).orElse(null);
			pidFileProperty = (pidFile != null) ? SPRING_PID_FILE : PID_FILE;
		}
		boolean detaches = context.detachedDaemon() || switch (properties.getDetach()) {
			case ALWAYS -> true;
			case NEVER -> false;
			case AUTO -> context.serviceManager() == null;
		};
		return new DaemonSettings(name, resolve(launchDirectory, properties.getWorkingDirectory()),
				umask(properties.getUmask()), output(properties, name, launchDirectory, detaches),
				resolve(launchDirectory, (pidFile != null) ? pidFile : name + ".pid"), pidFileProperty,
				positive(STARTUP_TIMEOUT, properties.getStartupTimeout(), environment), properties.getCommand(),
				positive(STOP_TIMEOUT, properties.getStopTimeout(), environment), properties.isStopForce(),
				properties.getWatchdog(), RestartPolicy.of(properties, environment),
				aotCache(properties, launchDirectory), detaches,
				context.serviceManager(), properties.getReadyOn(), blankToNull(properties.getUser()),
				blankToNull(properties.getGroup()), properties.getSyslog().isStrict());
	}

	private static @Nullable Path aotCache(DaemonProperties properties, Path launchDirectory) {
		String cache = blankToNull(properties.getAotCache());
		return (cache != null) ? resolve(launchDirectory, cache) : null;
	}

	// Paths are bound as strings: Spring's Path conversion would resolve a relative path
	// that happens to exist on the classpath to that classpath entry.
	private static Path resolve(Path launchDirectory, String path) {
		return launchDirectory.resolve(path).normalize();
	}

	/**
	 * Tells whether the daemon has a supervisor of its own, which restarts it: only a
	 * daemon that detaches and that no service manager runs (as with
	 * {@code Type=forking}), as a service manager restarts what it runs.
	 * @return whether it has
	 */
	public boolean supervised() {
		return this.detaches && this.serviceManager == null && this.restart.restarts();
	}

	/**
	 * Returns the umask as {@code umask(1)} takes it.
	 * @return four octal digits
	 */
	public String umaskOctal() {
		return String.format("%04o", this.umask);
	}

	private static DaemonProperties bind(Binder binder) {
		try {
			return binder.bindOrCreate("daemon", DaemonProperties.class);
		}
		catch (BindException ex) {
			ConfigurationProperty property = ex.getProperty();
			String reason = (ex.getCause() != null) ? rootMessage(ex.getCause()) : ex.getMessage();
			if (property == null) {
				throw new DaemonStartException("Invalid daemon.* configuration: " + reason, ex);
			}
			throw new InvalidDaemonPropertyException(property.getName().toString(), property.getValue(), reason);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	private static int umask(String value) {
		if (!value.matches("[0-7]{1,4}") || Integer.parseInt(value, 8) > 0777) {
			throw new InvalidDaemonPropertyException("daemon.umask", value, "must be an octal number from 0 to 777");
		}
		return Integer.parseInt(value, 8);
	}

	static Duration positive(String property, Duration value, Environment environment) {
		if (value.isNegative() || value.isZero()) {
			throw InvalidDaemonPropertyException.asWritten(environment, property, value, "must be positive");
		}
		return value;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

	private static OutputTarget output(DaemonProperties properties, String name, Path launchDirectory,
			boolean detaches) {
		Output output = properties.getOutput();
		if (output == null) {
			output = detaches ? Output.FILE : Output.CONSOLE;
		}
		return switch (output) {
			case CONSOLE -> {
				if (detaches) {
					throw new InvalidDaemonPropertyException("daemon.output", "console",
							"a detached daemon has no console; use it with a service manager or daemon.detach=never");
				}
				yield OutputTarget.console();
			}
			case FILE -> {
				String file = properties.getOutputFile();
				yield OutputTarget.file(resolve(launchDirectory, (file != null) ? file : name + ".out"),
						blankToNull(properties.getUser()));
			}
			case NONE -> OutputTarget.discarded();
			case SYSLOG -> {
				DaemonProperties.Syslog syslog = properties.getSyslog();
				if (syslog.getBufferLines() < 1) {
					throw new InvalidDaemonPropertyException("daemon.syslog.buffer-lines", syslog.getBufferLines(),
							"must be positive");
				}
				String tag = blankToNull(syslog.getTag());
				// The default, the application's name, is cut to fit.
				if (tag != null && tag.length() > OutputTarget.SYSLOG_TAG_MAX) {
					throw new InvalidDaemonPropertyException("daemon.syslog.tag", tag, "is " + tag.length()
							+ " characters; RFC 3164 allows " + OutputTarget.SYSLOG_TAG_MAX
							+ ", and syslog daemons cut longer ones");
				}
				try {
					yield OutputTarget.syslog(syslog.getAddress(), syslog.getFormat(), syslog.getFacility(),
							(tag != null) ? tag : name, syslog.getBufferLines());
				}
				catch (InvalidConfigurationPropertyValueException ex) {
					throw InvalidDaemonPropertyException.of(ex);
				}
			}
		};
	}

}
