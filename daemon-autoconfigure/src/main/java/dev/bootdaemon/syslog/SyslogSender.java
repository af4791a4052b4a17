package dev.bootdaemon.syslog;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.syslog.LineQueue.Line;

/**
 * Delivers the queued lines to syslog, reconnecting with back-off (50 ms up to 2 s)
 * when syslog is down or restarted, and tells syslog, once it is back, how many lines
 * the queue had to drop meanwhile.
 */
final class SyslogSender {

	private static final long MAX_BACKOFF_MILLIS = 2000;

	private final Posix posix;

	private final SyslogAddress address;

	private final SyslogFormatter formatter;

	private final LineQueue queue;

	private final AtomicLong delivered = new AtomicLong();

	private long reportedDropped;

	private @Nullable SyslogTransport transport;

	SyslogSender(Posix posix, SyslogAddress address, SyslogFormatter formatter, LineQueue queue) {
		this.posix = posix;
		this.address = address;
		this.formatter = formatter;
		this.queue = queue;
	}

	void run() {
		while (true) {
			Line line;
			try {
				line = this.queue.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			deliver(this.formatter.format(line.severity(), line.text()));
			long dropped = this.queue.dropped();
			if (dropped > this.reportedDropped) {
				deliver(this.formatter.format(Severity.WARNING, (dropped - this.reportedDropped)
						+ " lines could not be delivered to syslog at " + this.address + " (buffer full)"));
				this.reportedDropped = dropped;
			}
			this.queue.delivered();
		}
	}

	long delivered() {
		return this.delivered.get();
	}

	// Keeps trying until the message is delivered; meanwhile the queue absorbs what the
	// application writes, and counts what it cannot hold.
	private void deliver(byte[] message) {
		long backoff = 50;
		while (true) {
			try {
				if (this.transport == null) {
					this.transport = SyslogTransport.connect(this.address, this.posix);
				}
				this.transport.send(message);
				this.delivered.incrementAndGet();
				this.queue.progressed();
				return;
			}
			catch (IOException | RuntimeException ex) {
				closeTransport();
				try {
					Thread.sleep(backoff);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
			}
		}
	}

	private void closeTransport() {
		if (this.transport != null) {
			try {
				this.transport.close();
			}
			catch (IOException | RuntimeException ex) {
				// Replaced on the next attempt anyway.
			}
			this.transport = null;
		}
	}

}
