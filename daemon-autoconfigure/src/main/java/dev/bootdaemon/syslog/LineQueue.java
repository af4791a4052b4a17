package dev.bootdaemon.syslog;

import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded hand-off from the readers to the sender. While syslog keeps taking
 * messages, a full queue makes the writer wait for room: nothing is lost, the
 * application only runs at syslog's pace. Once syslog has taken nothing for a second
 * (down, hung, restarting), lines that find the queue full are dropped and counted, so
 * the application never stalls.
 */
final class LineQueue {

	private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final BlockingQueue<Line> queue;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private volatile long lastProgress = System.nanoTime();

	LineQueue(int capacity) {
		this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
	}

	/**
	 * Adds a line, waiting for room while syslog makes progress.
	 * @param line the line
	 * @throws InterruptedIOException if interrupted while waiting
	 */
	void add(Line line) throws InterruptedIOException {
		// Counted before it is visible to the sender, so that flush never sees a line
		// that is taken but not yet counted.
		this.pending.incrementAndGet();
		try {
			if (this.queue.offer(line)) {
				return;
			}
			while (System.nanoTime() - this.lastProgress <= STALL_NANOS) {
				if (this.queue.offer(line, 50, TimeUnit.MILLISECONDS)) {
					return;
				}
			}
			this.pending.decrementAndGet();
			this.dropped.incrementAndGet();
		}
		catch (InterruptedException ex) {
			this.pending.decrementAndGet();
			Thread.currentThread().interrupt();
			throw new InterruptedIOException();
		}
	}

	Line take() throws InterruptedException {
		return this.queue.take();
	}

	/** The sender delivered a line it took. */
	void delivered() {
		this.lastProgress = System.nanoTime();
		this.pending.decrementAndGet();
	}

	/** Syslog took a message: it makes progress. */
	void progressed() {
		this.lastProgress = System.nanoTime();
	}

	long pending() {
		return this.pending.get();
	}

	long dropped() {
		return this.dropped.get();
	}

	/**
	 * A line of output.
	 *
	 * @param severity its syslog severity
	 * @param text its text, without the line end
	 */
	record Line(int severity, String text) {
	}

}
