package dev.bootdaemon.startup;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.control.ProcessTermination;
import dev.bootdaemon.startup.Handoff.Attached;

/**
 * The launcher's end of the private channel the daemon reports its start on: a Unix
 * socket in a fresh directory only the launching user can enter.
 */
public final class StartupChannel implements Closeable {

	private static final long POLL_MILLIS = 100;

	private final PrivateDirectory directory;

	private final Path socket;

	private final ServerSocketChannel server;

	private StartupChannel(PrivateDirectory directory, Path socket, ServerSocketChannel server) {
		this.directory = directory;
		this.socket = socket;
		this.server = server;
	}

	/**
	 * Opens the channel in a new private directory.
	 * @return the channel
	 * @throws IOException if the directory or the socket cannot be made
	 */
	public static StartupChannel open() throws IOException {
		PrivateDirectory directory = PrivateDirectory.create();
		Path socket = directory.path().resolve("startup.sock");
		ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		try {
			server.bind(UnixDomainSocketAddress.of(socket));
			server.configureBlocking(false);
		}
		catch (IOException ex) {
			server.close();
			directory.close();
			throw ex;
		}
		return new StartupChannel(directory, socket, server);
	}

	/**
	 * Returns the socket the daemon reports on.
	 * @return its path
	 */
	public Path address() {
		return this.socket;
	}

	/**
	 * Returns the private directory, which also holds the output pipes and the command
	 * script until the daemon has opened them.
	 * @return the directory, only this user can enter it
	 */
	public Path directory() {
		return this.directory.path();
	}

	/**
	 * Waits until the daemon reports, dies or runs out of time.
	 * @param pid the daemon's pid
	 * @param timeout how long to wait, unless an early daemon says otherwise
	 * @return the outcome
	 * @throws IOException on a channel failure
	 */
	public StartupOutcome await(long pid, Duration timeout) throws IOException {
		long begin = System.nanoTime();
		long deadline = begin + timeout.toNanos();
		boolean attached = false;
		Optional<ProcessHandle> daemon = ProcessHandle.of(pid);
		try (Selector selector = Selector.open()) {
			this.server.register(selector, SelectionKey.OP_ACCEPT);
			SocketChannel connection = null;
			ByteArrayOutputStream message = new ByteArrayOutputStream();
			while (true) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					if (connection != null) {
						connection.close();
					}
					return StartupOutcome.timedOut(message.toString(StandardCharsets.UTF_8));
				}
				selector.select(Math.max(1, Math.min(POLL_MILLIS, Duration.ofNanos(remaining).toMillis())));
				selector.selectedKeys().clear();
				if (connection == null) {
					connection = accept(selector);
				}
				if (connection != null && !readInto(connection, message)) {
					connection.close();
					return StartupOutcome.parse(message.toString(StandardCharsets.UTF_8));
				}
				// An early daemon knows its daemon.startup-timeout once it has read it.
				Attached said = attached ? null : Attached.read(message.toString(StandardCharsets.UTF_8));
				if (said != null) {
					deadline = begin + said.startupTimeout().toNanos();
					attached = true;
				}
				// Until it connects, only its death can end the wait early.
				if (connection == null && daemon.map(ProcessTermination::hasExited).orElse(true)) {
					return StartupOutcome.of(StartupOutcome.Kind.EXITED);
				}
			}
		}
	}

	private @Nullable SocketChannel accept(Selector selector) throws IOException {
		SocketChannel connection = this.server.accept();
		if (connection != null) {
			connection.configureBlocking(false);
			connection.register(selector, SelectionKey.OP_READ);
		}
		return connection;
	}

	// False once the daemon has closed its end.
	private static boolean readInto(SocketChannel connection, ByteArrayOutputStream message) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(8192);
		int read;
		while ((read = connection.read(buffer)) > 0) {
			message.write(buffer.array(), 0, read);
			buffer.clear();
		}
		return read == 0;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.directory.close();
	}

}
