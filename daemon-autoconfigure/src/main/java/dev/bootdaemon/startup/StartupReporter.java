package dev.bootdaemon.startup;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.bootdaemon.settings.DaemonStartException;

/**
 * The daemon's end of the {@link StartupChannel}: connected at once, so that the
 * launcher sees the daemon die, and used once to say READY or FAILED.
 */
public final class StartupReporter {

	private final SocketChannel channel;

	private StartupReporter(SocketChannel channel) {
		this.channel = channel;
	}

	/**
	 * Connects to the launcher at once, so that it sees the daemon die.
	 * @param socket the launcher's startup socket
	 * @return the reporter
	 * @throws DaemonStartException if the launcher cannot be reached
	 */
	public static StartupReporter connect(Path socket) {
		try {
			return new StartupReporter(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
		}
		catch (IOException ex) {
			// The launcher is gone: nobody else will remove its private directory.
			removeQuietly(socket.getParent());
			throw new DaemonStartException("Cannot reach the launching process at " + socket + ": " + ex.getMessage(),
					ex);
		}
	}

	private static void removeQuietly(Path directory) {
		try {
			PrivateDirectory.remove(directory);
		}
		catch (IOException ex) {
			// Left in the temporary directory; tmpfiles or a reboot clean it.
		}
	}

	// The context has started, the runners are yet to run: lets the launcher tell a slow
	// runner from a slow start.
	/**
	 * Says that the context has started and readiness waits for the runners.
	 */
	public void started() {
		send(Handoff.STARTED + "\n", false);
	}

	/**
	 * Says, in an early start, that the settings need the usual start, and closes the
	 * channel.
	 */
	public void fallback() {
		send(Handoff.FALLBACK + "\n", true);
	}

	/**
	 * Says, in an early start, that the checks failed and what the launcher is to print,
	 * and closes the channel.
	 * @param refusal what to print
	 */
	public void refused(String refusal) {
		send(Handoff.REFUSED + "\n" + refusal, true);
	}

	/**
	 * Says, in an early start, that the checks passed and the output is attached.
	 * @param attached what the launcher needs to report the start
	 */
	public void attached(Handoff.Attached attached) {
		send(attached.message(), false);
	}

	/**
	 * Says that the daemon is ready, and closes the channel.
	 */
	public void ready() {
		send(Handoff.READY + "\n", true);
	}

	/**
	 * Says why the start failed, and closes the channel.
	 * @param reason Spring Boot's failure analysis, or another account
	 */
	public void failed(String reason) {
		send(Handoff.FAILED + "\n" + reason, true);
	}

	private synchronized void send(String message, boolean last) {
		if (!this.channel.isOpen()) {
			return;
		}
		try {
			ByteBuffer buffer = ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8));
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
		}
		catch (IOException ex) {
			// The launcher is gone (killed or timed out); the daemon carries on as told.
			last = true;
		}
		finally {
			if (last) {
				close();
			}
		}
	}

	private void close() {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// Nothing left to tell.
		}
	}

}
