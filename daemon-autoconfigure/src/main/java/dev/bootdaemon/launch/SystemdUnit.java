package dev.bootdaemon.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.control.ProcessTermination;
import dev.bootdaemon.settings.CommandLine;
import dev.bootdaemon.settings.DaemonSettings;

/**
 * A systemd unit that runs the application as it was invoked: the same java binary, JVM
 * options, jar or class path and arguments, with paths made absolute and
 * {@code daemon.command} left out. {@code Type=notify}: the application stays in the
 * foreground under systemd and says {@code READY=1} once it is ready.
 */
public final class SystemdUnit {

	private static final String COMMAND_ARGUMENT = "--daemon.command=";

	private SystemdUnit() {
	}

	/**
	 * Writes the unit.
	 * @param settings the settings
	 * @param commandLine this JVM's command line, as byte strings
	 * @param javaBinary the absolute java binary
	 * @param launchDirectory the directory the command was run in
	 * @return the unit file's text
	 */
	public static String of(DaemonSettings settings, List<String> commandLine, String javaBinary,
			Path launchDirectory) {
		List<String> execStart = new ArrayList<>(JavaCommand.relocate(commandLine, javaBinary, launchDirectory,
				List.of()));
		execStart.removeIf((arg) -> arg.startsWith(COMMAND_ARGUMENT));
		if (!execStart.contains("--daemon.enabled=true")) {
			execStart.add("--daemon.enabled=true");
		}
		StringBuilder unit = new StringBuilder();
		unit.append("# ").append(settings.applicationName()).append(", written by --daemon.command=systemd-unit\n");
		unit.append("[Unit]\n");
		unit.append("Description=").append(escape(settings.applicationName())).append('\n');
		unit.append("After=network.target\n\n");
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
		String runtimeDirectory = runtimeDirectory(settings.pidFile());
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
		unit.append("Restart=on-failure\n\n");
		unit.append("[Install]\n");
		unit.append("WantedBy=multi-user.target\n");
		return unit.toString();
	}

	// systemd makes /run/NAME for RuntimeDirectory=NAME, owned by User=.
	private static @Nullable String runtimeDirectory(Path pidFile) {
		Path directory = pidFile.getParent();
		for (String run : List.of("/run", "/var/run")) {
			if (directory != null && directory.getParent() != null && directory.getParent().equals(Path.of(run))) {
				return directory.getFileName().toString();
			}
		}
		return null;
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
		return text.replace("%", "%%").replace("\n", " ");
	}

}
