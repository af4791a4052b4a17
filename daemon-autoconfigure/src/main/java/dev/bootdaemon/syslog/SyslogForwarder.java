package dev.bootdaemon.syslog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;

/**
 * Forwards what the daemon writes to descriptors 1 and 2 to syslog, a message a line.
 * <p>
 * A reader thread a stream drains its pipe into a bounded queue; a sender thread
 * delivers from the queue, reconnecting with back-off when syslog is down or restarted.
 * While syslog keeps taking messages a full queue makes the reader wait, so nothing is
 * lost; once syslog has taken nothing for a second, lines that find the queue full are
 * dropped and counted instead, so the application never stalls, and the count is
 * reported to syslog once it is back.
 */
public final class SyslogForwarder {

	/** Longest message body; longer lines are split into several messages. */
	static final int MAX_BODY_BYTES = 2000;

	private static final long MAX_BACKOFF_MILLIS = 2000;

	private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Posix posix;

	private final SyslogAddress address;

	private final SyslogFormatter formatter;

	private final BlockingQueue<Line> queue;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong delivered = new AtomicLong();

	private final List<InputStream> streams = new ArrayList<>();

	private long reportedDropped;

	private volatile long lastProgress = System.nanoTime();

	private @Nullable SyslogTransport transport;

	/**
	 * Creates a forwarder.
	 * @param posix the libc binding
	 * @param address where syslog listens
	 * @param format the message format
	 * @param facility the facility name
	 * @param tag the tag of each message
	 * @param bufferLines how many lines to hold
	 */
	public SyslogForwarder(Posix posix, SyslogAddress address, SyslogFormat format, String facility, String tag,
			int bufferLines) {
		this.posix = posix;
		this.address = address;
		this.formatter = new SyslogFormatter(format, Facility.code(facility), tag);
		this.queue = new ArrayBlockingQueue<>(Math.max(1, bufferLines));
	}

	/**
	 * Checks that the syslog address is valid and, for a facility, that it names one.
	 * @param address the address
	 * @param facility the facility
	 * @return the parsed address
	 */
	public static SyslogAddress validate(String address, String facility) {
		Facility.code(facility);
		return SyslogAddress.parse(address);
	}

	/**
	 * Tells whether syslog can be reached now.
	 * @param posix the libc binding
	 * @param address where it listens
	 * @return why not, or empty if it can (always, for UDP)
	 */
	public static Optional<String> unreachable(Posix posix, SyslogAddress address) {
		try (SyslogTransport transport = SyslogTransport.connect(address, posix)) {
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.of(ex.getMessage());
		}
	}

	/**
	 * Starts forwarding: standard output at {@code info}, standard error at {@code err}.
	 * @param stdout what descriptor 1 writes
	 * @param stderr what descriptor 2 writes
	 */
	public void start(InputStream stdout, InputStream stderr) {
		this.streams.add(stdout);
		this.streams.add(stderr);
		thread("syslog-stdout", () -> read(stdout, new Severity(Severity.INFO)));
		thread("syslog-stderr", () -> read(stderr, new Severity(Severity.ERR)));
		thread("syslog-sender", this::send);
	}

	/**
	 * Returns how many lines could not be delivered so far.
	 * @return the count
	 */
	public long dropped() {
		return this.dropped.get();
	}

	/**
	 * Returns how many messages were delivered so far.
	 * @return the count
	 */
	public long delivered() {
		return this.delivered.get();
	}

	/**
	 * Waits until what was written has been delivered, for shutdown.
	 * @param timeout how long to wait at most
	 */
	public void flush(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && (this.pending.get() > 0 || unread())) {
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private boolean unread() {
		for (InputStream stream : this.streams) {
			try {
				if (stream.available() > 0) {
					return true;
				}
			}
			catch (IOException ex) {
				// A closed pipe has nothing left.
			}
		}
		return false;
	}

	private static void thread(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private void read(InputStream stream, Severity severity) {
		byte[] buffer = new byte[64 * 1024];
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		try (stream) {
			int read;
			while ((read = stream.read(buffer)) != -1) {
				int start = 0;
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						line.write(buffer, start, i - start);
						enqueue(line, severity);
						start = i + 1;
					}
				}
				line.write(buffer, start, read - start);
			}
		}
		catch (IOException ex) {
			// The pipe is gone with the process.
		}
	}

	private void enqueue(ByteArrayOutputStream bytes, Severity severity) throws InterruptedIOException {
		// Malformed UTF-8 becomes U+FFFD; nothing a program writes can break a message.
		String text = bytes.toString(StandardCharsets.UTF_8);
		bytes.reset();
		if (text.endsWith("\r")) {
			text = text.substring(0, text.length() - 1);
		}
		if (text.isEmpty()) {
			return;
		}
		int level = severity.of(text);
		for (String part : split(text)) {
			if (offer(new Line(level, part))) {
				this.pending.incrementAndGet();
			}
			else {
				this.dropped.incrementAndGet();
			}
		}
	}

	// While syslog takes messages, a full queue makes the writer wait for room: nothing
	// is lost, the application only runs at syslog's pace. Once syslog has taken nothing
	// for STALL_NANOS (down, hung, restarting), the queue's overflow is dropped instead,
	// so the application never stalls.
	private boolean offer(Line line) throws InterruptedIOException {
		try {
			if (this.queue.offer(line)) {
				return true;
			}
			while (System.nanoTime() - this.lastProgress <= STALL_NANOS) {
				if (this.queue.offer(line, 50, TimeUnit.MILLISECONDS)) {
					return true;
				}
			}
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException();
		}
	}

	// Splits on code point boundaries so that no part exceeds MAX_BODY_BYTES in UTF-8.
	static List<String> split(String text) {
		if (text.length() * 3 <= MAX_BODY_BYTES || text.getBytes(StandardCharsets.UTF_8).length <= MAX_BODY_BYTES) {
			return List.of(text);
		}
		List<String> parts = new ArrayList<>();
		int start = 0;
		int bytes = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int size = (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
			if (bytes + size > MAX_BODY_BYTES) {
				parts.add(text.substring(start, i));
				start = i;
				bytes = 0;
			}
			bytes += size;
			i += Character.charCount(codePoint);
		}
		parts.add(text.substring(start));
		return parts;
	}

	private void send() {
		while (true) {
			Line line;
			try {
				line = this.queue.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			deliver(this.formatter.format(line.severity(), line.text()));
			long dropped = this.dropped.get();
			if (dropped > this.reportedDropped) {
				deliver(this.formatter.format(Severity.WARNING, (dropped - this.reportedDropped)
						+ " lines could not be delivered to syslog at " + this.address + " (buffer full)"));
				this.reportedDropped = dropped;
			}
			this.pending.decrementAndGet();
		}
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
				this.lastProgress = System.nanoTime();
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

	private record Line(int severity, String text) {
	}

}
