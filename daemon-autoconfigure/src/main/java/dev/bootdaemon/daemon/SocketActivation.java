package dev.bootdaemon.daemon;

import java.io.IOException;
import java.nio.channels.Channel;

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

	private static final long SETTLE_MILLIS = 200;

	private SocketActivation() {
	}

	static void takeOver(Posix posix) {
		posix.moveDescriptor(FIRST_SOCKET, 0);
	}

	/**
	 * Closes this process's copy of the socket as the application starts to stop, so
	 * that the web server's acceptor wakes without taking a connection: Tomcat wakes it
	 * by connecting to its own socket, and an acceptor woken that way takes the first
	 * connection waiting, a client's, and drops it. The service manager keeps the socket
	 * and the connections queued on it for the next start.
	 * @param posix the libc binding
	 */
	static void release(Posix posix) {
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
