package dev.bootdaemon.syslog;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixException;

/**
 * One connection to syslog that sends whole messages. The JDK has no Unix datagram
 * sockets, so those go through libc ({@link DatagramTransport}); the rest through NIO
 * channels.
 */
interface SyslogTransport extends Closeable {

	int CONNECT_TIMEOUT_MILLIS = 2000;

	/** Room for an octet count ("2147483647 ") or a NUL a message, in a stream. */
	int FRAMING_BYTES = 11;

	/**
	 * Sends messages of a batch, from one on, as many as one call takes.
	 * @param batch the messages
	 * @param from the first one to send
	 * @return how many were sent, at least one
	 * @throws IOException if the first could not be sent
	 */
	int send(MessageBatch batch, int from) throws IOException;

	static SyslogTransport connect(SyslogAddress address, Posix posix) throws IOException {
		return switch (address.transport()) {
			case UNIX -> unix(address.path(), posix);
			case UDP -> udp(address);
			case TCP -> tcp(address);
		};
	}

	private static SyslogTransport unix(String path, Posix posix) throws IOException {
		int fd;
		try {
			fd = posix.connectDatagram(path);
		}
		catch (PosixException ex) {
			if (!ex.isWrongSocketType()) {
				throw new IOException(ex.getMessage(), ex);
			}
			// A stream socket, as some syslog daemons offer: NUL ends each message, as
			// libc's syslog(3) does it.
			SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
			try {
				channel.connect(UnixDomainSocketAddress.of(path));
			}
			catch (IOException connectFailure) {
				channel.close();
				throw connectFailure;
			}
			return framed(channel, false, true);
		}
		return new DatagramTransport(posix, fd);
	}

	private static SyslogTransport udp(SyslogAddress address) throws IOException {
		DatagramChannel channel = DatagramChannel.open();
		channel.connect(new InetSocketAddress(address.host(), address.port()));
		return new SyslogTransport() {

			@Override
			public int send(MessageBatch batch, int from) throws IOException {
				channel.write(ByteBuffer.wrap(batch.data(), batch.start(from), batch.end(from) - batch.start(from)));
				return 1;
			}

			@Override
			public void close() throws IOException {
				channel.close();
			}

		};
	}

	private static SyslogTransport tcp(SyslogAddress address) throws IOException {
		SocketChannel channel = SocketChannel.open();
		try {
			channel.socket().connect(new InetSocketAddress(address.host(), address.port()), CONNECT_TIMEOUT_MILLIS);
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
		// RFC 6587 octet counting: "LENGTH SP MESSAGE".
		return framed(channel, true, false);
	}

	private static SyslogTransport framed(SocketChannel channel, boolean octetCounted, boolean nulTerminated) {
		return new SyslogTransport() {

			@Override
			public int send(MessageBatch batch, int from) throws IOException {
				ByteBuffer frames = ByteBuffer.allocate(batch.end(batch.count() - 1) - batch.start(from)
						+ (batch.count() - from) * FRAMING_BYTES);
				for (int i = from; i < batch.count(); i++) {
					int length = batch.end(i) - batch.start(i);
					if (octetCounted) {
						frames.put((length + " ").getBytes(StandardCharsets.US_ASCII));
					}
					frames.put(batch.data(), batch.start(i), length);
					if (nulTerminated) {
						frames.put((byte) 0);
					}
				}
				frames.flip();
				while (frames.hasRemaining()) {
					channel.write(frames);
				}
				return batch.count() - from;
			}

			@Override
			public void close() throws IOException {
				channel.close();
			}

		};
	}

}
