package dev.bootdaemon.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The native side of a {@code sendmmsg(2)} call, allocated once a sending thread: an
 * array of {@code struct mmsghdr}, each pointing at its own {@code struct iovec}, and a
 * data area the messages are copied into with one bulk copy. Only the iovecs change
 * from call to call.
 */
final class DatagramVector {

	/**
	 * Messages a call at most. The kernel takes up to UIO_MAXIOV (1024), but syslog's
	 * queue holds only about ten: a larger batch only waits in the call for room, and
	 * measured no better (bench/README.md).
	 */
	static final int MAX_MESSAGES = 8;

	// Eight messages of up to 2000 bytes with their headers.
	private static final int DATA_BYTES = 32 * 1024;

	// struct msghdr { name; namelen; iov; iovlen; control; controllen; flags } and
	// struct mmsghdr { msghdr; unsigned int msg_len }, with pointer-sized alignment.
	private static final int POINTER = Native.POINTER_SIZE;

	private static final int MSGHDR_IOV = 2 * POINTER;

	private static final int MSGHDR_IOVLEN = 3 * POINTER;

	private static final int MMSGHDR_SIZE = 8 * POINTER;

	private static final int IOVEC_SIZE = 2 * POINTER;

	private static final int IOVECS = MAX_MESSAGES * MMSGHDR_SIZE;

	private static final int DATA = IOVECS + MAX_MESSAGES * IOVEC_SIZE;

	private final Memory memory = new Memory(DATA + DATA_BYTES);

	private final ByteBuffer view = this.memory.getByteBuffer(0, this.memory.size()).order(ByteOrder.nativeOrder());

	private final long address = Pointer.nativeValue(this.memory);

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
		int count = 0;
		int end = start;
		while (from + count < to && count < MAX_MESSAGES) {
			int next = ends[from + count];
			if (next - start > DATA_BYTES && count > 0) {
				break;
			}
			int iovec = IOVECS + count * IOVEC_SIZE;
			putPointerSized(iovec, this.address + DATA + (end - start));
			putPointerSized(iovec + POINTER, next - end);
			end = next;
			count++;
		}
		if (end - start > DATA_BYTES) {
			throw new IllegalArgumentException("message of " + (end - start) + " bytes");
		}
		this.view.put(DATA, data, start, end - start);
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
