package dev.bootdaemon.launch;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The daemon's end of the {@link StartupChannel}: connected at once, so that the
 * launcher sees the daemon die, and used once to say READY or FAILED.
 */
final class StartupReporter {

	private final SocketChannel channel;

	private StartupReporter(SocketChannel channel) {
		this.channel = channel;
	}

	static StartupReporter connect(Path socket) {
		try {
			return new StartupReporter(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
		}
		catch (IOException ex) {
			throw new DaemonStartException("Cannot reach the launching process at " + socket + ": " + ex.getMessage(),
					ex);
		}
	}

	void ready() {
		send(StartupOutcome.READY + "\n");
	}

	void failed(String reason) {
		send(StartupOutcome.FAILED + "\n" + reason);
	}

	private synchronized void send(String message) {
		if (!this.channel.isOpen()) {
			return;
		}
		try (SocketChannel channel = this.channel) {
			ByteBuffer buffer = ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8));
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		}
		catch (IOException ex) {
			// The launcher is gone (killed or timed out); the daemon carries on as told.
		}
	}

}
