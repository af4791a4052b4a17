package dev.bootdaemon.settings;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything that crosses from the launching process to the detached daemon. Two
 * system properties on the daemon's command line, which is otherwise the launcher's
 * own: where to report, and where it was launched from. Over the startup channel the
 * daemon then says {@link #STARTED} (its context has started and readiness waits for its
 * runners), and once {@link #READY}, or {@link #FAILED} followed by Spring Boot's failure
 * analysis. Nothing else is passed: both JVMs bind the same configuration into the same
 * {@link DaemonSettings}, resolving relative paths against the launch directory.
 */
public final class Handoff {

	/** The daemon's startup socket; set only in the detached daemon. */
	public static final String STARTUP_SOCKET_PROPERTY = "boot-daemon.startup-socket";

	/** The directory the launcher ran in. */
	public static final String LAUNCH_DIRECTORY_PROPERTY = "boot-daemon.launch-directory";

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

}
