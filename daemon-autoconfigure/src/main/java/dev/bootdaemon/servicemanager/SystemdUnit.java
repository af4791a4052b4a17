package dev.bootdaemon.servicemanager;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.commandline.CommandLine;
import dev.bootdaemon.commandline.JavaCommand;
import dev.bootdaemon.commandline.NativeAccess;
import dev.bootdaemon.control.ProcessTermination;
import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.InvalidDaemonPropertyException;
import dev.bootdaemon.settings.RestartPolicy;

/**
 * A systemd unit that runs the application as it was invoked: the same java binary, JVM
 * options, jar or class path and arguments, with paths made absolute and
 * {@code daemon.command} left out. {@code Type=notify}: the application stays in the
 * foreground under systemd and says {@code READY=1} once it is ready.
 */
public final class SystemdUnit {

	// What the unit's own lines say instead, or what would make the service print a
	// unit and exit: User= starts the JVM as the user, who cannot switch again.
	private static final List<String> LEFT_OUT = List.of("--daemon.command=", "-Ddaemon.command=", "--daemon.user=",
			"-Ddaemon.user=", "--daemon.group=", "-Ddaemon.group=");

	private static final String NAME = "[A-Za-z0-9_][A-Za-z0-9_.-]*";

	private static final int FIRST_UNPRIVILEGED_PORT = 1024;

	private SystemdUnit() {
	}

	/**
	 * Writes the unit.
	 * @param settings the settings
	 * @param commandLine this JVM's command line, as byte strings
	 * @param javaBinary the absolute java binary
	 * @param launchDirectory the directory the command was run in
	 * @param ports the ports the application listens on, as configured
	 * @return the unit file's text
	 * @throws InvalidDaemonPropertyException if a value cannot be written in a unit
	 */
	public static String of(DaemonSettings settings, List<String> commandLine, String javaBinary,
			Path launchDirectory, List<Integer> ports) {
		checkName("daemon.user", settings.user());
		checkName("daemon.group", settings.group());
		List<String> execStart = new ArrayList<>(JavaCommand.relocate(commandLine, javaBinary, launchDirectory,
				NativeAccess.options(commandLine, launchDirectory)));
		execStart.removeIf((arg) -> LEFT_OUT.stream().anyMatch((prefix) -> CommandLine.text(arg).startsWith(prefix)));
		if (!execStart.contains("--daemon.enabled=true")) {
			execStart.add("--daemon.enabled=true");
		}
		StringBuilder unit = new StringBuilder();
		unit.append("# ")
			.append(oneLine(settings.applicationName()))
			.append(", written by --daemon.command=systemd-unit\n");
		unit.append("[Unit]\n");
		unit.append("Description=").append(escape(settings.applicationName())).append('\n');
		unit.append("After=network.target\n");
		RestartPolicy restart = settings.restart();
		if (restart.restarts()) {
			// systemd counts starts, the first among them; daemon.restart-limit counts restarts.
			unit.append("StartLimitIntervalSec=").append(seconds(restart.limitInterval())).append('\n');
			unit.append("StartLimitBurst=").append(restart.limit() + 1).append('\n');
		}
		unit.append('\n');
		unit.append("[Service]\n");
		unit.append("Type=notify\n");
		unit.append("NotifyAccess=main\n");
		unit.append("ExecStart=").append(execStart.stream()
			.map(CommandLine::text)
			.map(SystemdUnit::quote)
			.collect(Collectors.joining(" "))).append('\n');
		// A path setting takes the rest of the line as it is: specifiers escaped, no quotes.
		unit.append("WorkingDirectory=").append(escape(launchDirectory.toString())).append('\n');
		if (settings.user() != null) {
			unit.append("User=").append(settings.user()).append('\n');
		}
		if (settings.group() != null) {
			unit.append("Group=").append(settings.group()).append('\n');
		}
		if (settings.user() != null && ports.stream().anyMatch((port) -> port > 0 && port < FIRST_UNPRIVILEGED_PORT)) {
			// The user binds the port itself: systemd gives it this one capability.
			unit.append("AmbientCapabilities=CAP_NET_BIND_SERVICE\n");
		}
		String runtimeDirectory = runtimeDirectory(settings);
		if (runtimeDirectory != null) {
			unit.append("RuntimeDirectory=").append(runtimeDirectory).append('\n');
		}
		unit.append("TimeoutStartSec=").append(seconds(settings.startupTimeout())).append('\n');
		unit.append("TimeoutStopSec=").append(seconds(settings.stopTimeout())).append('\n');
		if (settings.watchdog() != null) {
			unit.append("WatchdogSec=").append(seconds(settings.watchdog())).append('\n');
		}
		unit.append("# The JVM exits with 143 after SIGTERM.\n");
		unit.append("SuccessExitStatus=143\n");
		unit.append("Restart=").append(restart.value()).append('\n');
		if (restart.restarts()) {
			unit.append("RestartSec=").append(seconds(restart.delay())).append('\n');
			int steps = restartSteps(restart);
			if (steps > 0) {
				unit.append("# The delay doubling as with daemon.restart, from systemd 254 on:\n");
				unit.append("#RestartSteps=").append(steps).append('\n');
				unit.append("#RestartMaxDelaySec=").append(seconds(restart.maxDelay())).append('\n');
			}
		}
		unit.append('\n');
		unit.append("[Install]\n");
		unit.append("WantedBy=multi-user.target\n");
		return unit.toString();
	}

	// How many doublings take the delay to its maximum.
	private static int restartSteps(RestartPolicy restart) {
		long delay = Math.max(1, restart.delay().toMillis());
		int steps = 0;
		while (delay < restart.maxDelay().toMillis()) {
			delay *= 2;
			steps++;
		}
		return steps;
	}

	// systemd makes /run/NAME for RuntimeDirectory=NAME, owned by User=; the setting
	// is a list separated by spaces.
	private static @Nullable String runtimeDirectory(DaemonSettings settings) {
		Path directory = settings.pidFile().getParent();
		for (String run : List.of("/run", "/var/run")) {
			if (directory != null && directory.getParent() != null && directory.getParent().equals(Path.of(run))) {
				String name = directory.getFileName().toString();
				if (!name.matches(NAME)) {
					throw new InvalidDaemonPropertyException(settings.pidFileProperty(), settings.pidFile(),
							"a unit's RuntimeDirectory= cannot name " + directory + "; use letters, digits, '.', '_' "
									+ "and '-'");
				}
				return name;
			}
		}
		return null;
	}

	private static void checkName(String property, @Nullable String name) {
		if (name != null && !name.matches(NAME)) {
			throw new InvalidDaemonPropertyException(property, name,
					"a unit's User= and Group= take letters, digits, '.', '_' and '-' only");
		}
	}

	/**
	 * Returns text for a comment or a one-line setting: line breaks become spaces.
	 * @param text the text
	 * @return it, on one line
	 */
	static String oneLine(String text) {
		return text.replace('\n', ' ').replace('\r', ' ');
	}

	// systemd's time spans take milliseconds too.
	private static String seconds(Duration duration) {
		return ProcessTermination.format(duration);
	}

	/**
	 * Quotes a word as systemd's command lines and paths read it: specifiers ({@code %})
	 * and variables ({@code $}) doubled, and the word in double quotes with C escapes
	 * when it holds anything but plain characters.
	 * @param word the word
	 * @return it, quoted where needed
	 */
	static String quote(String word) {
		String escaped = word.replace("%", "%%").replace("$", "$$");
		if (!word.isEmpty() && escaped.chars().allMatch((c) -> c > ' ' && c != '"' && c != '\'' && c != '\\'
				&& c != ';' && c < 0x7f)) {
			return escaped;
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : escaped.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				default -> quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	private static String escape(String text) {
		return oneLine(text.replace("%", "%%"));
	}

}
