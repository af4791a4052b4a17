package dev.bootdaemon.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The native side of a {@code sendmmsg(2)} call, allocated once a sending thread: an
 * array of {@code struct mmsghdr}, each pointing at its own {@code struct iovec}, and a
 * data area the messages are copied into with one bulk copy, grown for a message that
 * does not fit. Only the iovecs change from call to call.
 */
final class DatagramVector {

	/**
	 * Messages a call at most. The kernel takes up to UIO_MAXIOV (1024), but syslog's
	 * queue holds only about ten: a larger batch only waits in the call for room, and
	 * measured no better (bench/README.md).
	 */
	private static final int MAX_MESSAGES = 8;

	// Eight messages of up to 2000 bytes with their headers.
	private static final int BUFFER_BYTES = 32 * 1024;

	// struct msghdr { name; namelen; iov; iovlen; control; controllen; flags } and
	// struct mmsghdr { msghdr; unsigned int msg_len }, with pointer-sized alignment.
	private static final int POINTER = Native.POINTER_SIZE;

	private static final int MSGHDR_IOV = 2 * POINTER;

	private static final int MSGHDR_IOVLEN = 3 * POINTER;

	private static final int MMSGHDR_SIZE = 8 * POINTER;

	private static final int IOVEC_SIZE = 2 * POINTER;

	private static final int IOVECS = MAX_MESSAGES * MMSGHDR_SIZE;

	private final Memory memory = new Memory(IOVECS + MAX_MESSAGES * IOVEC_SIZE);

	private final ByteBuffer view = this.memory.getByteBuffer(0, this.memory.size()).order(ByteOrder.nativeOrder());

	private final long address = Pointer.nativeValue(this.memory);

	private Memory buffer = new Memory(BUFFER_BYTES);

	private ByteBuffer bufferView = this.buffer.getByteBuffer(0, this.buffer.size());

	DatagramVector() {
		this.memory.clear();
		for (int i = 0; i < MAX_MESSAGES; i++) {
			putPointerSized(i * MMSGHDR_SIZE + MSGHDR_IOV, this.address + IOVECS + (long) i * IOVEC_SIZE);
			putPointerSized(i * MMSGHDR_SIZE + MSGHDR_IOVLEN, 1);
		}
	}

	Pointer messages() {
		return this.memory;
	}

	/**
	 * Copies in as many of the messages as fit, at least the first.
	 * @return how many
	 */
	int fill(byte[] data, int[] ends, int from, int to) {
		int start = (from > 0) ? ends[from - 1] : 0;
		if (ends[from] - start > this.buffer.size()) {
			this.buffer = new Memory(ends[from] - start);
			this.bufferView = this.buffer.getByteBuffer(0, this.buffer.size());
		}
		long bufferAddress = Pointer.nativeValue(this.buffer);
		int count = 0;
		int end = start;
		while (from + count < to && count < MAX_MESSAGES && ends[from + count] - start <= this.buffer.size()) {
			int next = ends[from + count];
			int iovec = IOVECS + count * IOVEC_SIZE;
			putPointerSized(iovec, bufferAddress + (end - start));
			putPointerSized(iovec + POINTER, next - end);
			end = next;
			count++;
		}
		this.bufferView.put(0, data, start, end - start);
		return count;
	}

	private void putPointerSized(int offset, long value) {
		if (POINTER == 8) {
			this.view.putLong(offset, value);
		}
		else {
			this.view.putInt(offset, (int) value);
		}
	}

}
