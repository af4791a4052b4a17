package dev.bootdaemon.syslog;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-off from the readers to the sender, a batch at a time, holding at
 * most its capacity in messages, counting those being sent. While syslog keeps taking
 * messages, a full queue makes the reader wait for room: nothing is lost, the
 * application only runs at syslog's pace. Once syslog has taken nothing for a second
 * (down, hung, restarting), batches that find the queue full are dropped and counted,
 * so the application never stalls.
 */
final class MessageQueue {

	private static final Duration STALL = Duration.ofSeconds(1);

	private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	// Small batches (a line a read, when the reader keeps up) are merged while they
	// wait, up to this many messages, so that the sender takes and accounts for many
	// messages at a time rather than one.
	private static final int MERGED_MESSAGES = 256;

	private final int capacity;

	private final long stallNanos;

	// A reader waiting for room is woken once a quarter of the capacity is free, not
	// for each message sent: it then hands over in one go what its pipe holds.
	private final int resumeBelow;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition notEmpty = this.lock.newCondition();

	private final Condition notFull = this.lock.newCondition();

	private final ArrayDeque<MessageBatch> batches = new ArrayDeque<>();

	// Messages queued or being sent; guarded by the lock.
	private long held;

	private final AtomicLong dropped = new AtomicLong();

	private volatile long lastProgress = System.nanoTime();

	MessageQueue(int capacity) {
		this(capacity, STALL);
	}

	MessageQueue(int capacity, Duration stall) {
		this.capacity = Math.max(1, capacity);
		this.stallNanos = stall.toNanos();
		this.resumeBelow = this.capacity - Math.max(1, this.capacity / 4);
	}

	/**
	 * Adds a batch, waiting for room while syslog makes progress. A batch larger than
	 * the capacity goes in once the queue is empty. Once syslog has stalled, what fits
	 * goes in, oldest lines first, and the rest is dropped.
	 * @param batch the batch
	 * @throws InterruptedIOException if interrupted while waiting
	 */
	void add(MessageBatch batch) throws InterruptedIOException {
		int count = batch.count();
		this.lock.lock();
		try {
			while (this.held > 0 && this.held + count > this.capacity) {
				if (System.nanoTime() - this.lastProgress > this.stallNanos) {
					int room = (int) Math.max(0, this.capacity - this.held);
					this.dropped.addAndGet(count - room);
					if (room == 0) {
						return;
					}
					batch.truncate(room);
					count = room;
					break;
				}
				this.notFull.awaitNanos(WAIT_NANOS);
			}
			MessageBatch last = this.batches.peekLast();
			if (last != null && last.count() + count <= MERGED_MESSAGES) {
				last.addAll(batch);
			}
			else {
				this.batches.add(batch);
			}
			this.held += count;
			this.notEmpty.signal();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Takes every batch queued, waiting for one.
	 * @return the batches, oldest first
	 * @throws InterruptedException if interrupted while waiting
	 */
	List<MessageBatch> takeAll() throws InterruptedException {
		this.lock.lockInterruptibly();
		try {
			while (this.batches.isEmpty()) {
				this.notEmpty.await();
			}
			List<MessageBatch> taken = new ArrayList<>(this.batches);
			this.batches.clear();
			return taken;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The sender delivered messages it took: syslog makes progress, and they make
	 * room.
	 * @param count how many
	 */
	void delivered(int count) {
		this.lock.lock();
		try {
			this.lastProgress = System.nanoTime();
			this.held -= count;
			if (this.held <= this.resumeBelow) {
				this.notFull.signal();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Syslog took a message the queue did not hold: it makes progress. */
	void progressed() {
		this.lastProgress = System.nanoTime();
	}

	/**
	 * Returns how many messages are queued or being sent.
	 * @return the count
	 */
	long pending() {
		this.lock.lock();
		try {
			return this.held;
		}
		finally {
			this.lock.unlock();
		}
	}

	long dropped() {
		return this.dropped.get();
	}

}
