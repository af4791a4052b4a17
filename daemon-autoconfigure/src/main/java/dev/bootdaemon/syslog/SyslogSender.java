package dev.bootdaemon.syslog;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;

/**
 * Delivers the queued batches to syslog, reconnecting with back-off (50 ms up to 2 s)
 * when syslog is down or restarted, and tells syslog, once it is back, how many lines
 * the queue had to drop meanwhile.
 */
final class SyslogSender {

	private static final long MAX_BACKOFF_MILLIS = 2000;

	private final Posix posix;

	private final SyslogAddress address;

	private final SyslogFormatter formatter;

	private final MessageQueue queue;

	private final AtomicLong delivered = new AtomicLong();

	private long reportedDropped;

	private @Nullable SyslogTransport transport;

	SyslogSender(Posix posix, SyslogAddress address, SyslogFormatter formatter, MessageQueue queue) {
		this.posix = posix;
		this.address = address;
		this.formatter = formatter;
		this.queue = queue;
	}

	void run() {
		while (true) {
			List<MessageBatch> batches;
			try {
				batches = this.queue.takeAll();
			}
			catch (InterruptedException ex) {
				return;
			}
			for (MessageBatch batch : batches) {
				deliver(batch, true);
			}
			long dropped = this.queue.dropped();
			if (dropped > this.reportedDropped) {
				deliver(this.formatter.format(Severity.WARNING, (dropped - this.reportedDropped)
						+ " lines could not be delivered to syslog at " + this.address + " (buffer full)"), false);
				this.reportedDropped = dropped;
			}
		}
	}

	long delivered() {
		return this.delivered.get();
	}

	// Keeps trying until the batch is delivered; meanwhile the queue absorbs what the
	// application writes, and counts what it cannot hold.
	private void deliver(MessageBatch batch, boolean queued) {
		int next = 0;
		while (next < batch.count()) {
			int sent = send(batch, next);
			if (sent == 0) {
				return;
			}
			next += sent;
			this.delivered.addAndGet(sent);
			if (queued) {
				this.queue.delivered(sent);
			}
			else {
				this.queue.progressed();
			}
		}
	}

	// How many messages went, or 0 if interrupted.
	private int send(MessageBatch batch, int from) {
		long backoff = 50;
		while (true) {
			try {
				if (this.transport == null) {
					this.transport = SyslogTransport.connect(this.address, this.posix);
				}
				return this.transport.send(batch, from);
			}
			catch (IOException | RuntimeException ex) {
				closeTransport();
				try {
					Thread.sleep(backoff);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return 0;
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
