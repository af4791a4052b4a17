package dev.bootdaemon.servicemanager;

import java.io.IOException;
import java.nio.channels.Channel;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bootdaemon.posix.Posix;

/**
 * A listening socket passed to this process by a service manager (systemd's socket
 * activation: {@code LISTEN_FDS}, {@code LISTEN_PID}, the first socket on descriptor 3).
 * It is moved to descriptor 0, where the JDK's {@code System.inheritedChannel()} finds
 * it, so that the embedded web server serves it instead of binding {@code server.port}:
 * the service manager keeps the socket while the application restarts, and the kernel
 * queues connections meanwhile.
 */
public final class SocketActivation {

	private static final Log logger = LogFactory.getLog(SocketActivation.class);

	private static final int FIRST_SOCKET = 3;

	private static final long SETTLE_MILLIS = 200;

	private SocketActivation() {
	}

	/**
	 * Moves the first passed socket to descriptor 0. Of several, the first is served
	 * and the others are closed, saying so with their names: the service manager keeps
	 * its own copies.
	 * @param posix the libc binding
	 * @param environment this process's environment, with {@code LISTEN_FDS} and
	 * perhaps {@code LISTEN_FDNAMES}
	 */
	public static void takeOver(Posix posix, Map<String, String> environment) {
		int count = Integer.parseInt(environment.getOrDefault("LISTEN_FDS", "1").strip());
		if (count > 1) {
			List<String> names = List.of(environment.getOrDefault("LISTEN_FDNAMES", "").split(":", -1));
			for (int fd = FIRST_SOCKET + 1; fd < FIRST_SOCKET + count; fd++) {
				posix.close(fd);
			}
			logger.warn("The service manager passed " + count + " sockets; serving the first, descriptor 3"
					+ named(names, 0) + ", and closing descriptors 4 to " + (FIRST_SOCKET + count - 1)
					+ ": an embedded web server serves one inherited socket");
		}
		posix.moveDescriptor(FIRST_SOCKET, 0);
	}

	private static String named(List<String> names, int index) {
		return (index < names.size() && !names.get(index).isEmpty()) ? " (" + names.get(index) + ")" : "";
	}

	/**
	 * Closes this process's copy of the socket as the application starts to stop, so
	 * that the web server's acceptor wakes without taking a connection: Tomcat wakes it
	 * by connecting to its own socket, and an acceptor woken that way takes the first
	 * connection waiting, a client's, and drops it. The service manager keeps the socket
	 * and the connections queued on it for the next start.
	 * @param posix the libc binding
	 */
	public static void release(Posix posix) {
		// Closing an inherited channel, the JDK points descriptors 0, 1 and 2 at
		// /dev/null: the output must survive it, for the last lines of the shutdown.
		int out = posix.duplicate(1);
		int err = posix.duplicate(2);
		try {
			Channel inherited = System.inheritedChannel();
			if (inherited != null) {
				inherited.close();
			}
		}
		catch (IOException ex) {
			// Closed anyway with the process.
		}
		finally {
			posix.moveDescriptor(out, 1);
			posix.moveDescriptor(err, 2);
		}
		settle();
	}

	// A connection the acceptor took in its last instant is not yet a request, and a
	// graceful shutdown, which waits only for requests, would close it unanswered: give
	// it time to become one.
	private static void settle() {
		try {
			Thread.sleep(SETTLE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
