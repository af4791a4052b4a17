package dev.bootdaemon.startup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.settings.DaemonSettings;

/**
 * Everything that crosses from the launching process to the detached daemon. Two
 * system properties on the daemon's command line, which is otherwise the launcher's
 * own: where to report, and where it was launched from. Over the startup channel the
 * daemon then says {@link #STARTED} (its context has started and readiness waits for its
 * runners), and once {@link #READY}, or {@link #FAILED} followed by Spring Boot's failure
 * analysis. Nothing else is passed: both JVMs bind the same configuration into the same
 * {@link DaemonSettings}, resolving relative paths against the launch directory.
 * <p>
 * In an early start (the flag is on the command line, see {@link #EARLY_START_PROPERTY})
 * the launcher spawns the daemon before it reads the configuration files and never reads
 * them: the daemon makes the launcher's checks and says first {@link #FALLBACK} (the
 * settings need the usual start), or {@link #REFUSED} and the refusal to print, or
 * {@link #ATTACHED} and what the launcher needs to report the start ({@link Attached}).
 */
public final class Handoff {

	/** The daemon's startup socket; set only in the detached daemon. */
	public static final String STARTUP_SOCKET_PROPERTY = "boot-daemon.startup-socket";

	/** The directory the launcher ran in. */
	public static final String LAUNCH_DIRECTORY_PROPERTY = "boot-daemon.launch-directory";

	/**
	 * Marks a daemon spawned before the launcher read the configuration files; its
	 * standard output and error are on {@link #EARLY_STDOUT} and {@link #EARLY_STDERR}
	 * until it has checked them.
	 */
	public static final String EARLY_START_PROPERTY = "boot-daemon.early-start";

	/** The file in the launcher's private directory an early daemon's fd 1 is on first. */
	public static final String EARLY_STDOUT = "early.stdout";

	/** The file in the launcher's private directory an early daemon's fd 2 is on first. */
	public static final String EARLY_STDERR = "early.stderr";

	/** Said by an early daemon whose settings need the usual start; it then exits. */
	public static final String FALLBACK = "FALLBACK";

	/** Said, followed by what to print, by an early daemon whose checks failed. */
	public static final String REFUSED = "REFUSED";

	/** Said, followed by {@link Attached}, by an early daemon that passed the checks. */
	public static final String ATTACHED = "ATTACHED";

	/** Said when the context has started and readiness waits for the runners. */
	public static final String STARTED = "STARTED";

	/** Said once the daemon is ready. */
	public static final String READY = "READY";

	/** Said, followed by the reason, when the start failed. */
	public static final String FAILED = "FAILED";

	private Handoff() {
	}

	/**
	 * Returns the JVM options that mark the daemon's command line.
	 * @param startupSocket where the daemon reports
	 * @param launchDirectory where the launcher runs
	 * @return the options
	 */
	public static List<String> markers(Path startupSocket, Path launchDirectory) {
		return List.of("-D" + STARTUP_SOCKET_PROPERTY + "=" + startupSocket,
				"-D" + LAUNCH_DIRECTORY_PROPERTY + "=" + launchDirectory);
	}

	/**
	 * Returns the JVM options that mark an early daemon's command line.
	 * @param startupSocket where the daemon reports
	 * @param launchDirectory where the launcher runs
	 * @return the options
	 */
	public static List<String> earlyMarkers(Path startupSocket, Path launchDirectory) {
		List<String> markers = new ArrayList<>(markers(startupSocket, launchDirectory));
		markers.add("-D" + EARLY_START_PROPERTY + "=true");
		return markers;
	}

	/**
	 * Returns where the detached daemon reports, in the daemon.
	 * @return the startup socket, or {@code null} outside the detached daemon
	 */
	public static @Nullable Path startupSocket() {
		String socket = System.getProperty(STARTUP_SOCKET_PROPERTY);
		return (socket != null) ? Path.of(socket) : null;
	}

	/**
	 * Returns where the detached daemon was launched from, in the daemon.
	 * @return the launch directory, or {@code null} outside the detached daemon
	 */
	public static @Nullable Path launchDirectory() {
		String directory = System.getProperty(LAUNCH_DIRECTORY_PROPERTY);
		return (directory != null) ? Path.of(directory) : null;
	}

	/**
	 * What an early daemon tells its launcher once it has passed the checks: what the
	 * launcher's summary line and failure report need, and the warnings to print.
	 *
	 * @param applicationName the application's name
	 * @param pidFile the pidfile
	 * @param outputDescription how the summary line names the output
	 * @param outputFile the output file, empty if there is none
	 * @param startupTimeout {@code daemon.startup-timeout}
	 * @param outputMark where the daemon's output began in the output file
	 * @param warnings what to print on the launcher's standard error
	 */
	public record Attached(String applicationName, String pidFile, String outputDescription, String outputFile,
			Duration startupTimeout, long outputMark, String warnings) {

		// Fields end in NUL, which no path or name holds.
		private static final int FIELDS = 7;

		/**
		 * Returns what the launcher needs of the settings.
		 * @param settings the checked settings
		 * @param outputMark where the daemon's output begins in the output file
		 * @param warnings what to print on the launcher's standard error
		 * @return the record
		 */
		public static Attached of(DaemonSettings settings, long outputMark, String warnings) {
			Path outputFile = settings.output().file();
			return new Attached(settings.applicationName(), settings.pidFile().toString(),
					settings.output().description(), (outputFile != null) ? outputFile.toString() : "",
					settings.startupTimeout(), outputMark, warnings);
		}

		/**
		 * Returns the record as it is sent.
		 * @return the message
		 */
		public String message() {
			return ATTACHED + "\n" + String.join("\0", this.applicationName, this.pidFile, this.outputDescription,
					this.outputFile, String.valueOf(this.startupTimeout.toMillis()), String.valueOf(this.outputMark),
					this.warnings) + "\0";
		}

		/**
		 * Reads the record at the start of what the daemon said, once it is complete.
		 * @param said what the daemon said so far
		 * @return the record, or {@code null} if there is none, or not all of it yet
		 */
		public static @Nullable Attached read(String said) {
			int end = end(said);
			if (end < 0) {
				return null;
			}
			String[] fields = said.substring(ATTACHED.length() + 1, end).split("\0", -1);
			return new Attached(fields[0], fields[1], fields[2], fields[3],
					Duration.ofMillis(Long.parseLong(fields[4])), Long.parseLong(fields[5]), fields[6]);
		}

		/**
		 * Returns what the daemon said after the record.
		 * @param said what the daemon said
		 * @return the rest, all of it if it does not start with a complete record
		 */
		public static String after(String said) {
			int end = end(said);
			return (end < 0) ? said : said.substring(end + 1);
		}

		// The index of the record's last NUL, or -1.
		private static int end(String said) {
			if (!said.startsWith(ATTACHED + "\n")) {
				return -1;
			}
			int end = ATTACHED.length();
			for (int field = 0; field < FIELDS && end >= 0; field++) {
				end = said.indexOf('\0', end + 1);
			}
			return end;
		}

	}

}
