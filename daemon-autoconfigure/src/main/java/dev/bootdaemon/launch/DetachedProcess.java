package dev.bootdaemon.launch;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.commandline.JavaCommand;
import dev.bootdaemon.output.StandardStreams;
import dev.bootdaemon.settings.DaemonStartException;

/**
 * Starts a command as a classic daemon: fork, setsid, fork.
 * <p>
 * A JVM cannot safely fork itself, so the JDK spawns {@code setsid}, which makes a new
 * session and runs {@code /bin/sh}; the shell sets the umask, starts the command in the
 * background with standard input on {@code /dev/null} and standard output and error on
 * the output target, prints its pid and exits. The command is thus in a new session
 * that it does not lead, with no controlling terminal, and its parent is gone. The JDK's
 * spawn closes every descriptor but 0, 1 and 2 and sets the working directory.
 * <p>
 * The command itself is written, byte for byte, to a script in the launcher's private
 * directory rather than passed through the JDK, which would re-encode its arguments in
 * the platform charset. The script resets every signal to its default disposition and
 * unblocks them all ({@code env --default-signal}, coreutils 8.31 and later), as
 * daemon(7) asks: a non-interactive shell starts background commands with SIGINT and
 * SIGQUIT ignored, {@code nohup} ignores SIGHUP, and a JVM started with a signal
 * ignored installs no handler for it.
 */
final class DetachedProcess {

	// Files are opened for appending; named pipes for reading and writing, so that the
	// open does not wait for a reader and no write ever fails for want of one. The shell
	// opens them itself, before it starts the command in the background and exits: the
	// launcher may close what it holds for them (an output file it hands over as
	// /proc/PID/fd/N) as soon as the pid is printed.
	private static final String SCRIPT = "{ [ -z \"$1\" ] || umask \"$1\"; } && out=$2 && err=$3 && pipes=$4 && "
			+ "command=$5 && shift 5 && if [ \"$pipes\" = yes ]; then exec 3<>\"$out\" 4<>\"$err\"; "
			+ "else exec 3>>\"$out\" 4>>\"$err\"; fi && "
			+ "{ /bin/sh \"$command\" \"$@\" </dev/null >&3 2>&4 3>&- 4>&- & } && echo $!";

	private static final String RESET_SIGNALS = "if env --default-signal true 2>/dev/null; then "
			+ "exec env --default-signal \"$@\"; fi\nexec \"$@\"\n";

	private static final List<String> SETSID_DIRECTORIES = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin");

	private DetachedProcess() {
	}

	/**
	 * Starts a script detached and returns its pid.
	 * @param script the script, as a byte string: {@link #script} or a supervisor
	 * @param arguments the script's arguments
	 * @param workingDirectory the daemon's working directory
	 * @param umask the daemon's umask as {@code umask(1)} takes it, or {@code null} for
	 * this process's own
	 * @param streams what descriptors 1 and 2 are opened on
	 * @param privateDirectory a directory only this user can enter, for the script
	 * @param environment the environment of the command
	 * @return the pid of the daemon
	 */
	static long start(String script, List<String> arguments, Path workingDirectory, @Nullable String umask,
			StandardStreams streams, Path privateDirectory, Map<String, String> environment) {
		try {
			Path file = privateDirectory.resolve("command");
			Files.write(file, script.getBytes(StandardCharsets.ISO_8859_1));
			List<String> starter = new ArrayList<>(List.of(setsid(), "/bin/sh", "-c", SCRIPT, "boot-daemon",
					(umask != null) ? umask : "", streams.stdout().toString(), streams.stderr().toString(),
					streams.pipes() ? "yes" : "no", file.toString()));
			starter.addAll(arguments);
			ProcessBuilder builder = new ProcessBuilder(starter).directory(workingDirectory.toFile())
				.redirectInput(Redirect.from(new File("/dev/null")))
				.redirectErrorStream(true);
			builder.environment().clear();
			builder.environment().putAll(environment);
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

	/**
	 * Returns the script that runs a command with every signal at its default.
	 * @param command the command, as byte strings (see {@link JavaCommand})
	 * @return the script, as a byte string
	 */
	static String script(List<String> command) {
		return "set -- " + JavaCommand.shellWords(command) + "\n" + RESET_SIGNALS;
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
