package dev.bootdaemon.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MessageQueue}.
 */
class MessageQueueTests {

	private static final Duration STALLED_AT_ONCE = Duration.ZERO;

	@Test
	void whenSyslogHasStalledThenWhatFitsOfALargeBatchIsKeptAndOnlyTheRestDropped() throws Exception {
		MessageQueue queue = new MessageQueue(100, STALLED_AT_ONCE);
		queue.add(batch("held", 3));
		queue.add(batch("burst", 5000));
		assertThat(queue.pending()).isEqualTo(100);
		assertThat(queue.dropped()).isEqualTo(4903);
		assertThat(messages(queue.takeAll())).hasSize(100)
			.startsWith("held 0", "held 1", "held 2", "burst 0")
			.endsWith("burst 96");
	}

	@Test
	void whenSyslogHasStalledAndTheQueueIsFullThenTheWholeBatchIsDropped() throws Exception {
		MessageQueue queue = new MessageQueue(10, STALLED_AT_ONCE);
		queue.add(batch("first", 10));
		queue.add(batch("second", 4));
		assertThat(queue.pending()).isEqualTo(10);
		assertThat(queue.dropped()).isEqualTo(4);
	}

	@Test
	void whenTheQueueIsEmptyThenABatchLargerThanItsCapacityGoesInWhole() throws Exception {
		MessageQueue queue = new MessageQueue(10, STALLED_AT_ONCE);
		queue.add(batch("large", 25));
		assertThat(queue.pending()).isEqualTo(25);
		assertThat(queue.dropped()).isZero();
	}

	private static MessageBatch batch(String text, int lines) {
		MessageBatch batch = new MessageBatch(0, 0);
		for (int i = 0; i < lines; i++) {
			byte[] body = (text + " " + i).getBytes(StandardCharsets.US_ASCII);
			batch.add(new byte[0], body, 0, body.length);
		}
		return batch;
	}

	private static List<String> messages(List<MessageBatch> batches) {
		return batches.stream()
			.flatMap((batch) -> IntStream.range(0, batch.count())
				.mapToObj((i) -> new String(batch.data(), batch.start(i), batch.end(i) - batch.start(i),
						StandardCharsets.US_ASCII)))
			.toList();
	}

}
