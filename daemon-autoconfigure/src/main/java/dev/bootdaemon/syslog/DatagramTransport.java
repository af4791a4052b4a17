package dev.bootdaemon.syslog;

import java.io.IOException;
import java.util.OptionalInt;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixException;
import dev.bootdaemon.posix.ProcFiles;

/**
 * Syslog on a Unix datagram socket such as {@code /dev/log}, several messages a
 * {@code sendmmsg(2)} call, waiting in the call while syslog's queue is full.
 * <p>
 * How long that wait is depends on which fills first. A sender that finds syslog's
 * queue full (its length is {@code net.unix.max_dgram_qlen}) is woken for each message
 * syslog reads: on the kernel's default of 10 the two then take turns a message each,
 * a context switch a line. A sender that finds its own send buffer full is woken once
 * three quarters of it have been read. So where the default send buffer is larger than
 * syslog's queue, it is shrunk to about the queue's length in short messages; where
 * the queue is longer (systemd sets 512), the send buffer fills first already.
 */
final class DatagramTransport implements SyslogTransport {

	/**
	 * What the kernel charges a short message to its sender's buffer while it waits in
	 * syslog's queue: its {@code struct sk_buff} and the smallest data block it takes.
	 */
	static final int SHORT_MESSAGE_CHARGE = 768;

	private final Posix posix;

	private final int fd;

	DatagramTransport(Posix posix, int fd) {
		this.posix = posix;
		this.fd = fd;
		sendBuffer(ProcFiles.kernelSetting("net.unix.max_dgram_qlen"),
				ProcFiles.kernelSetting("net.core.wmem_default"))
			.ifPresent(this::setSendBuffer);
	}

	/**
	 * Returns the send buffer to ask for: one that fills before syslog's queue does.
	 * The kernel's minimum (some 4 KiB) still holds the longest message a line makes.
	 * @param queueLength the length of syslog's queue, in messages
	 * @param defaultSendBuffer the send buffer a socket gets, in bytes
	 * @return what to ask for, or empty to keep the default
	 */
	static OptionalInt sendBuffer(OptionalInt queueLength, OptionalInt defaultSendBuffer) {
		if (queueLength.isEmpty() || defaultSendBuffer.isEmpty()) {
			return OptionalInt.empty();
		}
		int fills = queueLength.getAsInt() * SHORT_MESSAGE_CHARGE;
		// Halved: the kernel doubles what it is asked for.
		return (fills < defaultSendBuffer.getAsInt()) ? OptionalInt.of(fills / 2) : OptionalInt.empty();
	}

	private void setSendBuffer(int bytes) {
		try {
			this.posix.setSendBuffer(this.fd, bytes);
		}
		catch (PosixException ex) {
			// Messages go all the same, with more context switches.
		}
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
