package dev.bootdaemon.syslog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.bootdaemon.syslog.LineQueue.Line;

/**
 * Reads what one stream (descriptor 1 or 2) writes, a line at a time, into the queue:
 * each line with its severity, split where it is longer than a message may be. The
 * last line, until its newline comes, waits here; {@link #drainPartial} hands it over
 * at shutdown.
 */
final class LineReader {

	/** Longest message body; longer lines are split into several messages. */
	static final int MAX_BODY_BYTES = 2000;

	private final InputStream stream;

	private final Severity severity;

	private final LineQueue queue;

	private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

	private volatile boolean busy;

	LineReader(InputStream stream, Severity severity, LineQueue queue) {
		this.stream = stream;
		this.severity = severity;
		this.queue = queue;
	}

	void run() {
		byte[] buffer = new byte[64 * 1024];
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
		int start = 0;
		for (int i = 0; i < read; i++) {
			if (buffer[i] == '\n') {
				this.partial.write(buffer, start, i - start);
				enqueue();
				start = i + 1;
			}
		}
		this.partial.write(buffer, start, read - start);
	}

	/**
	 * Hands over the last line although its newline has not come.
	 * @throws InterruptedIOException if interrupted while waiting for room
	 */
	synchronized void drainPartial() throws InterruptedIOException {
		enqueue();
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

	private void enqueue() throws InterruptedIOException {
		// Malformed UTF-8 becomes U+FFFD; nothing a program writes can break a message.
		String text = this.partial.toString(StandardCharsets.UTF_8);
		this.partial.reset();
		if (text.endsWith("\r")) {
			text = text.substring(0, text.length() - 1);
		}
		if (text.isEmpty()) {
			return;
		}
		int level = this.severity.of(text);
		for (String part : split(text)) {
			this.queue.add(new Line(level, part));
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

}
