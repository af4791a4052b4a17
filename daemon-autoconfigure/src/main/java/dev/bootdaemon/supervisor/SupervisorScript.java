package dev.bootdaemon.supervisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import dev.bootdaemon.commandline.CommandLine;
import dev.bootdaemon.commandline.JavaCommand;
import dev.bootdaemon.pidfile.PidFileProbe;
import dev.bootdaemon.pidfile.PidFileSupervisor;
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
	 * @param name the application's name, for the supervisor's lines
	 * @param pidFile the daemon's pidfile, removed if the supervisor gives up
	 * @param policy when and how fast to restart
	 * @return the script, as a byte string
	 */
	public static String of(List<String> command, String name, Path pidFile, RestartPolicy policy) {
		Duration watchdog = policy.watchdog();
		return "set -- " + command.stream().map(JavaCommand::shellQuoted).collect(Collectors.joining(" ")) + "\n"
				+ "restart=" + policy.value() + " delay="
				+ policy.delay().toMillis() + " max_delay=" + policy.maxDelay().toMillis() + " interval="
				+ policy.limitInterval().toMillis() + " limit=" + policy.limit() + " watchdog="
				+ ((watchdog != null) ? watchdog.toMillis() : 0) + "\n" + "name="
				+ JavaCommand.shellQuoted(CommandLine.bytes(name)) + " pidfile="
				+ JavaCommand.shellQuoted(CommandLine.bytes(pidFile.toString())) + "\n" + "remove_pidfile="
				+ JavaCommand.shellQuoted(PidFileProbe.DELETE_UNDER_LOCK) + "\n" + BODY;
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
