package dev.bootdaemon.launch;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.bootdaemon.output.StandardStreams;

/**
 * Starts a command as a classic daemon: fork, setsid, fork.
 * <p>
 * A JVM cannot safely fork itself, so the JDK spawns {@code setsid}, which makes a new
 * session and runs {@code /bin/sh}; the shell sets the umask, starts the command in the
 * background with standard input on {@code /dev/null} and standard output and error on
 * the output target, prints its pid and exits. The command is thus in a
 * new session that it does not lead, with no controlling terminal, and its parent is
 * gone. The JDK's spawn closes every descriptor but 0, 1 and 2 and sets the working
 * directory.
 */
final class DetachedProcess {

	// Files are opened for appending; named pipes for reading and writing, so that the
	// open does not wait for a reader and no write ever fails for want of one.
	private static final String SCRIPT = "umask \"$1\" && out=$2 && err=$3 && pipes=$4 && shift 4 && "
			+ "if [ \"$pipes\" = yes ]; then \"$@\" </dev/null 1<>\"$out\" 2<>\"$err\" & "
			+ "else \"$@\" </dev/null >>\"$out\" 2>>\"$err\" & fi; echo $!";

	private static final List<String> SETSID_DIRECTORIES = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin");

	private DetachedProcess() {
	}

	/**
	 * Starts the command detached and returns its pid.
	 * @param command the command
	 * @param settings the daemon settings
	 * @param streams what descriptors 1 and 2 are opened on
	 * @return the pid of the daemon
	 */
	static long start(List<String> command, DaemonSettings settings, StandardStreams streams) {
		List<String> script = new ArrayList<>(List.of(setsid(), "/bin/sh", "-c", SCRIPT, "boot-daemon",
				settings.umaskOctal(), streams.stdout().toString(), streams.stderr().toString(),
				streams.pipes() ? "yes" : "no"));
		script.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(script).directory(settings.workingDirectory().toFile())
			.redirectInput(Redirect.from(new File("/dev/null")))
			.redirectErrorStream(true);
		try {
			Process shell = builder.start();
			String said = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (shell.waitFor() != 0 || !said.matches("\\d+")) {
				throw new DaemonStartException("Could not start the daemon process: " + said);
			}
			return Long.parseLong(said);
		}
		catch (IOException ex) {
			throw new DaemonStartException("Could not start the daemon process: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DaemonStartException("Interrupted while starting the daemon process", ex);
		}
	}

	private static String setsid() {
		String path = System.getenv("PATH");
		Stream<String> directories = Stream.concat(
				(path != null) ? Stream.of(path.split(File.pathSeparator)) : Stream.empty(),
				SETSID_DIRECTORIES.stream());
		return directories.filter((directory) -> directory.startsWith("/"))
			.map((directory) -> Path.of(directory, "setsid"))
			.filter(Files::isExecutable)
			.findFirst()
			.map(Path::toString)
			.orElseThrow(() -> new DaemonStartException(
					"Daemon mode needs the setsid command (util-linux or busybox); none found in PATH"));
	}

}
