package dev.bootdaemon.syslog;

import java.io.IOException;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixException;

/**
 * Syslog on a Unix datagram socket such as {@code /dev/log}, several messages a
 * {@code sendmmsg(2)} call, waiting in the call while syslog's queue is full.
 */
final class DatagramTransport implements SyslogTransport {

	private final Posix posix;

	private final int fd;

	DatagramTransport(Posix posix, int fd) {
		this.posix = posix;
		this.fd = fd;
	}

	@Override
	public int send(MessageBatch batch, int from) throws IOException {
		try {
			return this.posix.sendDatagrams(this.fd, batch.data(), batch.ends(), from, batch.count());
		}
		catch (PosixException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		this.posix.close(this.fd);
	}

}
