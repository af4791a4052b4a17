package dev.bootdaemon.daemon;

import java.util.Map;

import dev.bootdaemon.posix.Posix;

/**
 * A listening socket passed to this process by a service manager (systemd's socket
 * activation: {@code LISTEN_FDS}, {@code LISTEN_PID}, the first socket on descriptor 3).
 * It is moved to descriptor 0, where the JDK's {@code System.inheritedChannel()} finds
 * it, so that the embedded web server serves it instead of binding {@code server.port}:
 * the service manager keeps the socket while the application restarts, and the kernel
 * queues connections meanwhile.
 */
final class SocketActivation {

	private static final int FIRST_SOCKET = 3;

	private SocketActivation() {
	}

	static boolean isRequested(Map<String, String> environment, long pid) {
		String fds = environment.get("LISTEN_FDS");
		return String.valueOf(pid).equals(environment.get("LISTEN_PID")) && fds != null && !fds.equals("0");
	}

	static void takeOver(Posix posix) {
		posix.moveDescriptor(FIRST_SOCKET, 0);
	}

}
