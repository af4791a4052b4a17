package dev.bootdaemon.servicemanager;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.ProcFiles;

/**
 * Recognizes a service manager or container that already keeps this process in the
 * background and watches it, so that {@code daemon.detach=auto} stays in the foreground:
 * detaching there would look like an exit to the manager, which would start the
 * application again.
 */
public final class ServiceManager {

	// Supervisors that run their service as a direct child, by command name as
	// /proc/PID/comm holds it: cut to 15 characters ("supervise-daemon" is
	// "supervise-daemo").
	private static final Map<String, String> SUPERVISOR_COMMANDS = Map.of("runsv", "runit (runsv)", "s6-supervise",
			"s6 (s6-supervise)", "supervise", "daemontools (supervise)", "supervise-daemo",
			"OpenRC (supervise-daemon)");

	private ServiceManager() {
	}

	/**
	 * Returns what manages this process, if anything.
	 * @return a description such as {@code supervisord (SUPERVISOR_ENABLED)}, or
	 * {@code null}
	 */
	public static @Nullable String detect() {
		ProcessHandle self = ProcessHandle.current();
		long parent = self.parent().map(ProcessHandle::pid).orElse(0L);
		return detect(System.getenv(), self.pid(), ProcFiles.processGroup(self.pid()), parent,
				ProcFiles.command(parent));
	}

	static @Nullable String detect(Map<String, String> environment, long pid, long processGroup, long parentPid,
			@Nullable String parentCommand) {
		if (pid == 1) {
			return "PID 1 (a container's main process)";
		}
		// A socket passed to this very process: only it, not a detached child, can serve it.
		if (isSocketActivated(environment, pid)) {
			return "socket activation (LISTEN_FDS and LISTEN_PID)";
		}
		if (isSet(environment, "NOTIFY_SOCKET") || isSet(environment, "INVOCATION_ID")) {
			return "systemd (NOTIFY_SOCKET or INVOCATION_ID)";
		}
		if (isSet(environment, "SUPERVISOR_ENABLED")) {
			return "supervisord (SUPERVISOR_ENABLED)";
		}
		if (parentCommand != null && SUPERVISOR_COMMANDS.containsKey(parentCommand)) {
			return SUPERVISOR_COMMANDS.get(parentCommand);
		}
		// A container runtime starts its main process from outside the container's PID
		// namespace, where it has no parent (Kubernetes pods sharing one namespace), or
		// under a small init (tini, dumb-init, a shell) that is PID 1. Keyed to the process
		// tree rather than to /.dockerenv: a shell inside a container may still detach.
		if (parentPid == 0) {
			return "a container runtime (the parent is outside this PID namespace)";
		}
		// An init's child is in its own process group (tini, dumb-init) or in init's (a
		// shell as PID 1; 0 when that group's leader is outside the namespace). A process
		// whose parent is PID 1 but whose group is another's was orphaned: its starter
		// (sh -c 'cmd &', ssh host 'cmd &') exited before it looked, so it detaches.
		if (parentPid == 1 && (processGroup == pid || processGroup == 1 || processGroup == 0)) {
			return "a container's init (the parent is PID 1, in its own or init's process group)";
		}
		return null;
	}

	/**
	 * Tells whether a service manager passed this process listening sockets (systemd's
	 * socket activation: {@code LISTEN_FDS}, {@code LISTEN_PID}).
	 * @param environment the process environment
	 * @param pid this process
	 * @return whether it did
	 */
	public static boolean isSocketActivated(Map<String, String> environment, long pid) {
		String fds = environment.get("LISTEN_FDS");
		return String.valueOf(pid).equals(environment.get("LISTEN_PID")) && fds != null && !fds.isEmpty()
				&& !fds.equals("0");
	}

	private static boolean isSet(Map<String, String> environment, String name) {
		String value = environment.get(name);
		return value != null && !value.isEmpty();
	}

}
