package dev.bootdaemon.supervisor;

import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the supervisor tells the daemon it starts, in its environment: the supervisor's
 * pid, its descriptor of the heartbeat file (a file without a name, which the daemon
 * opens through {@code /proc}), how many times it restarted the daemon and why it did
 * last.
 * Believed only from the daemon's own parent, so that a process the daemon starts in
 * turn does not take its parent's supervisor for its own.
 *
 * @param supervisor the supervisor's pid
 * @param heartbeat the file the daemon beats in, {@code /proc/SUPERVISOR/fd/N}
 * @param restarts how many times the supervisor restarted the daemon
 * @param lastRestart why and when it last did, empty before the first restart
 */
public record Supervision(long supervisor, Path heartbeat, int restarts, String lastRestart) {

	/** The variable that names the supervisor's pid. */
	public static final String SUPERVISOR = "BOOT_DAEMON_SUPERVISOR";

	static final String HEARTBEAT_FD = "BOOT_DAEMON_HEARTBEAT_FD";

	static final String RESTARTS = "BOOT_DAEMON_RESTARTS";

	static final String LAST_RESTART = "BOOT_DAEMON_LAST_RESTART";

	/**
	 * Returns what this process's supervisor told it.
	 * @return the supervision, or {@code null} if no supervisor started this process
	 */
	public static @Nullable Supervision current() {
		long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
		return of(System.getenv(), parent);
	}

	/**
	 * Returns what an environment says of a process's supervisor.
	 * @param environment the process's environment
	 * @param parent the process's parent
	 * @return the supervision, or {@code null} if its parent is not the supervisor named
	 */
	public static @Nullable Supervision of(Map<String, String> environment, long parent) {
		String supervisor = environment.get(SUPERVISOR);
		String heartbeat = environment.get(HEARTBEAT_FD);
		if (supervisor == null || heartbeat == null || !supervisor.equals(String.valueOf(parent))) {
			return null;
		}
		try {
			Path descriptor = Path.of("/proc", supervisor, "fd", String.valueOf(Integer.parseInt(heartbeat)));
			return new Supervision(parent, descriptor, Integer.parseInt(environment.getOrDefault(RESTARTS, "0")),
					environment.getOrDefault(LAST_RESTART, ""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Tells whether the supervisor started this daemon again: no launcher waits for it.
	 * @return whether it did
	 */
	public boolean restarted() {
		return this.restarts > 0;
	}

	/**
	 * Describes the supervision, for the daemon's output and {@code status}.
	 * @return such as "supervisor pid 4240, restarted 2 times, last: killed by SIGKILL,
	 * 2026-12-06 14:03:11"
	 */
	public String describe() {
		return "supervisor pid " + this.supervisor + (restarted()
				? ", restarted " + this.restarts + ((this.restarts == 1) ? " time" : " times") + ", last: "
						+ this.lastRestart
				: "");
	}

}
