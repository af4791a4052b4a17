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
 * sockets, so those go through libc; the rest through NIO channels.
 */
interface SyslogTransport extends Closeable {

	int CONNECT_TIMEOUT_MILLIS = 2000;

	void send(byte[] message) throws IOException;

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
			return framed(channel, null, new byte[] { 0 });
		}
		return new SyslogTransport() {

			@Override
			public void send(byte[] message) throws IOException {
				try {
					posix.send(fd, message, message.length);
				}
				catch (PosixException ex) {
					throw new IOException(ex.getMessage(), ex);
				}
			}

			@Override
			public void close() {
				posix.close(fd);
			}

		};
	}

	private static SyslogTransport udp(SyslogAddress address) throws IOException {
		DatagramChannel channel = DatagramChannel.open();
		channel.connect(new InetSocketAddress(address.host(), address.port()));
		return new SyslogTransport() {

			@Override
			public void send(byte[] message) throws IOException {
				channel.write(ByteBuffer.wrap(message));
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
		return framed(channel, "", null);
	}

	private static SyslogTransport framed(SocketChannel channel, String octetCountPrefix, byte[] terminator) {
		return new SyslogTransport() {

			@Override
			public void send(byte[] message) throws IOException {
				byte[] prefix = (octetCountPrefix != null) ? (message.length + " ").getBytes(StandardCharsets.US_ASCII)
						: new byte[0];
				byte[] suffix = (terminator != null) ? terminator : new byte[0];
				ByteBuffer[] frame = { ByteBuffer.wrap(prefix), ByteBuffer.wrap(message), ByteBuffer.wrap(suffix) };
				long left = prefix.length + message.length + suffix.length;
				while (left > 0) {
					left -= channel.write(frame);
				}
			}

			@Override
			public void close() throws IOException {
				channel.close();
			}

		};
	}

}
