package dev.bootdaemon.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixException;

/**
 * Forwards what the daemon writes to descriptors 1 and 2 to syslog, a message a line.
 * <p>
 * A reader thread a stream drains its pipe into a bounded queue, each read's lines as
 * one batch of formatted messages; a sender thread delivers what is queued, a batch a
 * call where the transport allows ({@code sendmmsg(2)} on a Unix datagram socket),
 * reconnecting with back-off when syslog is down or restarted.
 * While syslog keeps taking messages a full queue makes the reader wait, so nothing is
 * lost; once syslog has taken nothing for a second, lines that find the queue full are
 * dropped and counted instead, so the application never stalls, and the count is
 * reported to syslog once it is back.
 */
public final class SyslogForwarder {

	private final Posix posix;

	private final MessageQueue queue;

	private final SyslogSender sender;

	private final SyslogFormatter formatter;

	private final List<LineReader> readers = new ArrayList<>();

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
		this.formatter = new SyslogFormatter(format, Facility.code(facility), tag, SyslogFormatter.hostName());
		this.queue = new MessageQueue(bufferLines);
		this.sender = new SyslogSender(posix, address, this.formatter.copy(), this.queue);
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
		LineReader out = new LineReader(stdout, new Severity(Severity.INFO), this.formatter.copy(), this.queue);
		LineReader err = new LineReader(stderr, new Severity(Severity.ERR), this.formatter.copy(), this.queue);
		this.readers.add(out);
		this.readers.add(err);
		thread("syslog-stdout", out::run);
		thread("syslog-stderr", err::run);
		thread("syslog-sender", this.sender::run);
	}

	/**
	 * Returns how many lines could not be delivered so far.
	 * @return the count
	 */
	public long dropped() {
		return this.queue.dropped();
	}

	/**
	 * Returns how many messages were delivered so far.
	 * @return the count
	 */
	public long delivered() {
		return this.sender.delivered();
	}

	/**
	 * Waits until what was written has been delivered, for shutdown: the last line too,
	 * even without its newline.
	 * @param timeout how long to wait at most
	 */
	public void flush(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean drained = false;
		while (System.nanoTime() < deadline) {
			boolean idle = this.readers.stream().allMatch(LineReader::idle);
			if (idle && !drained) {
				drainPartialLines();
				drained = true;
				continue;
			}
			if (idle && this.queue.pending() == 0) {
				return;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	// Woken by the application's writes and by syslog's reads, these threads would
	// otherwise preempt the thread that woke them, on two cores syslog's receiving
	// thread foremost, and take turns with it line by line. Forwarding has buffers on
	// both sides, so waiting for a free CPU costs it nothing (bench/README.md).
	private void scheduleAsBatch() {
		try {
			this.posix.scheduleCallingThreadAsBatch();
		}
		catch (PosixException ex) {
			// Refused (a seccomp filter, say): forwarding works the same, only slower.
		}
	}

	private void drainPartialLines() {
		for (LineReader reader : this.readers) {
			try {
				reader.drainPartial();
			}
			catch (InterruptedIOException ex) {
				return;
			}
		}
	}

	private void thread(String name, Runnable task) {
		Thread thread = new Thread(() -> {
			scheduleAsBatch();
			task.run();
		}, name);
		thread.setDaemon(true);
		thread.start();
	}

}
