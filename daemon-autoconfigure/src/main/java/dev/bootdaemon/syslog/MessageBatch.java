package dev.bootdaemon.syslog;

import java.util.Arrays;

/**
 * Syslog messages ready to send, one after the other in one array: what one read of a
 * stream gave. A batch crosses from a reader to the sender in one hand-off and leaves in
 * as few calls as the transport allows, with no object a line.
 */
final class MessageBatch {

	private byte[] data;

	private int[] ends;

	private int count;

	MessageBatch(int bytes, int messages) {
		this.data = new byte[Math.max(bytes, 64)];
		this.ends = new int[Math.max(messages, 1)];
	}

	/**
	 * Appends a message: a header, then part of a body.
	 */
	void add(byte[] header, byte[] body, int from, int to) {
		int start = size();
		int end = start + header.length + (to - from);
		makeRoom(end, this.count + 1);
		System.arraycopy(header, 0, this.data, start, header.length);
		System.arraycopy(body, from, this.data, start + header.length, to - from);
		this.ends[this.count++] = end;
	}

	/**
	 * Appends the messages of another batch.
	 */
	void addAll(MessageBatch other) {
		int start = size();
		int bytes = other.size();
		makeRoom(start + bytes, this.count + other.count);
		System.arraycopy(other.data, 0, this.data, start, bytes);
		for (int i = 0; i < other.count; i++) {
			this.ends[this.count++] = start + other.ends[i];
		}
	}

	/**
	 * Keeps the first messages only.
	 */
	void truncate(int messages) {
		this.count = Math.min(this.count, messages);
	}

	int count() {
		return this.count;
	}

	byte[] data() {
		return this.data;
	}

	/** Where each message ends; each starts where the one before ends. */
	int[] ends() {
		return this.ends;
	}

	int start(int message) {
		return (message > 0) ? this.ends[message - 1] : 0;
	}

	int end(int message) {
		return this.ends[message];
	}

	// Grows the arrays, at least doubling them, so that appending stays cheap.
	private void makeRoom(int bytes, int messages) {
		if (bytes > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(bytes, this.data.length * 2));
		}
		if (messages > this.ends.length) {
			this.ends = Arrays.copyOf(this.ends, Math.max(messages, this.ends.length * 2));
		}
	}

	private int size() {
		return (this.count > 0) ? this.ends[this.count - 1] : 0;
	}

}
