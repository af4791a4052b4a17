package dev.bootdaemon.supervisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.bootdaemon.commandline.CommandLine;
import dev.bootdaemon.commandline.JavaCommand;
import dev.bootdaemon.pidfile.PidFileProbe;
import dev.bootdaemon.pidfile.PidFileSupervisor;
import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.RestartPolicy;

/**
 * The supervisor a daemon with {@code daemon.restart} runs under: {@code supervise.sh},
 * run by {@code /bin/sh} in the daemon's session as the daemon's parent, after lines that
 * set the command and the policy. Its command line names the pidfile after
 * {@link PidFileSupervisor#MARKER}, so that {@code status}, {@code stop} and a second
 * start find it.
 */
public final class SupervisorScript {

	private static final String BODY = body();

	private SupervisorScript() {
	}

	/**
	 * Returns the script.
	 * @param command the daemon's command, as byte strings
	 * @param settings the daemon's settings: its name, pidfile, output file and policy
	 * @return the script, as a byte string
	 */
	public static String of(List<String> command, DaemonSettings settings) {
		RestartPolicy policy = settings.restart();
		Duration watchdog = policy.watchdog();
		Path output = settings.output().file();
		return "set -- " + JavaCommand.shellWords(command) + "\n"
				+ "restart=" + policy.value() + " delay=" + policy.delay().toMillis() + " max_delay="
				+ policy.maxDelay().toMillis() + " interval=" + policy.limitInterval().toMillis() + " limit="
				+ policy.limit() + " watchdog=" + ((watchdog != null) ? watchdog.toMillis() : 0) + "\n" + "name="
				+ quoted(settings.applicationName()) + " pidfile=" + quoted(settings.pidFile().toString())
				+ " output=" + ((output != null) ? quoted(output.toString()) : "") + "\n" + "remove_pidfile="
				+ JavaCommand.shellQuoted(PidFileProbe.DELETE_UNDER_LOCK) + "\n" + toSyslog(settings) + BODY;
	}

	// With syslog output the supervisor's lines go as the daemon's do, not into the pipe
	// that only a running daemon reads.
	private static String toSyslog(DaemonSettings settings) {
		List<String> warning = settings.output().logger("warning");
		if (warning.isEmpty()) {
			return "syslog=\n";
		}
		return "syslog=yes\nto_syslog() {\n\tcase $1 in\n\terr) " + command(settings.output().logger("err"))
				+ " --id=$$ -- \"$2\" ;;\n\t*) " + command(warning) + " --id=$$ -- \"$2\" ;;\n\tesac\n}\n";
	}

	private static String command(List<String> words) {
		return JavaCommand.shellWords(words.stream().map(CommandLine::bytes).toList());
	}

	private static String quoted(String text) {
		return JavaCommand.shellQuoted(CommandLine.bytes(text));
	}

	/**
	 * Returns the script's arguments, which mark its command line.
	 * @param pidFile the daemon's pidfile
	 * @return the arguments
	 */
	public static List<String> arguments(Path pidFile) {
		return List.of(PidFileSupervisor.MARKER, pidFile.toString());
	}

	private static String body() {
		try (InputStream in = SupervisorScript.class.getResourceAsStream("supervise.sh")) {
			if (in == null) {
				throw new IllegalStateException("supervise.sh is missing from the starter's jar");
			}
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
