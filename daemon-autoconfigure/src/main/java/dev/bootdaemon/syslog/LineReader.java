package dev.bootdaemon.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what one stream (descriptor 1 or 2) writes and hands each read's lines to the
 * queue as one batch of messages: each line with its severity and header, split where
 * it is longer than a message may be. The last line, until its newline comes, waits
 * here; {@link #drainPartial} hands it over at shutdown.
 */
final class LineReader {

	/** Longest message body; longer lines are split into several messages. */
	static final int MAX_BODY_BYTES = 2000;

	private static final int READ_BYTES = 64 * 1024;

	private final InputStream stream;

	private final Severity severity;

	private final SyslogFormatter formatter;

	private final MessageQueue queue;

	private byte[] partial = new byte[256];

	private int partialLength;

	private volatile boolean busy;

	LineReader(InputStream stream, Severity severity, SyslogFormatter formatter, MessageQueue queue) {
		this.stream = stream;
		this.severity = severity;
		this.formatter = formatter;
		this.queue = queue;
	}

	void run() {
		byte[] buffer = new byte[READ_BYTES];
		try (this.stream) {
			int read;
			while ((read = this.stream.read(buffer)) != -1) {
				this.busy = true;
				take(buffer, read);
				this.busy = false;
			}
			drainPartial();
		}
		catch (IOException ex) {
			// The pipe is gone with the process.
		}
	}

	private synchronized void take(byte[] buffer, int read) throws InterruptedIOException {
		this.severity.newRead();
		MessageBatch batch = newBatch(buffer, read);
		int start = 0;
		for (int i = 0; i < read; i++) {
			if (buffer[i] == '\n') {
				if (this.partialLength > 0) {
					keepPartial(buffer, start, i);
					addLine(batch, this.partial, 0, this.partialLength);
					this.partialLength = 0;
				}
				else {
					addLine(batch, buffer, start, i);
				}
				start = i + 1;
			}
		}
		keepPartial(buffer, start, read);
		hand(batch);
	}

	/**
	 * Hands over the last line although its newline has not come.
	 * @throws InterruptedIOException if interrupted while waiting for room
	 */
	synchronized void drainPartial() throws InterruptedIOException {
		MessageBatch batch = newBatch(this.partial, 0);
		addLine(batch, this.partial, 0, this.partialLength);
		this.partialLength = 0;
		hand(batch);
	}

	/**
	 * Tells whether this reader has nothing left to hand over: none unread in its pipe,
	 * none being read.
	 * @return whether it is idle
	 */
	boolean idle() {
		try {
			return !this.busy && this.stream.available() == 0;
		}
		catch (IOException ex) {
			// A closed pipe has nothing left.
			return !this.busy;
		}
	}

	private void hand(MessageBatch batch) throws InterruptedIOException {
		if (batch.count() > 0) {
			this.queue.add(batch);
		}
	}

	// Sized for the lines of this read, so that it rarely grows.
	private MessageBatch newBatch(byte[] buffer, int read) {
		int lines = 0;
		for (int i = 0; i < read; i++) {
			if (buffer[i] == '\n') {
				lines++;
			}
		}
		return new MessageBatch(this.partialLength + read + (lines + 1) * this.formatter.header(Severity.INFO).length,
				lines + 1);
	}

	private void keepPartial(byte[] buffer, int from, int to) {
		int length = this.partialLength + (to - from);
		if (length > this.partial.length) {
			this.partial = Arrays.copyOf(this.partial, Math.max(length, this.partial.length * 2));
		}
		System.arraycopy(buffer, from, this.partial, this.partialLength, to - from);
		this.partialLength = length;
	}

	private void addLine(MessageBatch batch, byte[] line, int from, int to) {
		if (to > from && line[to - 1] == '\r') {
			to--;
		}
		if (to == from) {
			return;
		}
		if (!isAscii(line, from, to)) {
			// Malformed UTF-8 becomes U+FFFD; nothing a program writes can break a message.
			line = new String(line, from, to - from, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
			from = 0;
			to = line.length;
		}
		byte[] header = this.formatter.header(this.severity.of(line, from, to));
		while (to - from > MAX_BODY_BYTES) {
			int end = partEnd(line, from);
			batch.add(header, line, from, end);
			from = end;
		}
		batch.add(header, line, from, to);
	}

	// Where a part of at most MAX_BODY_BYTES of valid UTF-8 ends without cutting a
	// character: not before a continuation byte.
	static int partEnd(byte[] line, int from) {
		int end = from + MAX_BODY_BYTES;
		while ((line[end] & 0xC0) == 0x80) {
			end--;
		}
		return end;
	}

	private static boolean isAscii(byte[] line, int from, int to) {
		for (int i = from; i < to; i++) {
			if (line[i] < 0) {
				return false;
			}
		}
		return true;
	}

}
