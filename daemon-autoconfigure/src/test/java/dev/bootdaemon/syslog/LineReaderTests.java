package dev.bootdaemon.syslog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LineReader}: what it makes of the bytes a program writes, read in
 * pieces as a pipe gives them.
 */
class LineReaderTests {

	private final MessageQueue queue = new MessageQueue(1000);

	@Test
	void whenLinesArriveInPiecesThenEachLineIsOneMessageAndEmptyLinesNone() throws Exception {
		read("fir", "st\r\nsec", "ond\n\n\nthi", "rd\nlast without newline");
		assertThat(messages()).containsExactly("<30>first", "<30>second", "<30>third", "<30>last without newline");
	}

	@Test
	void whenALineIsNotUtf8ThenTheBadBytesBecomeReplacementCharacters() throws Exception {
		read(new byte[] { 'a', (byte) 0xC3, 'b', '\n', (byte) 0xE9, 't', (byte) 0xC3, (byte) 0xA9, '\n' });
		assertThat(messages()).containsExactly("<30>a\uFFFDb", "<30>\uFFFDté");
	}

	@Test
	void whenALineIsTooLongThenItIsSplitBetweenCharactersWithinTheLimit() throws Exception {
		String line = "é".repeat(1500) + "x".repeat(10) + "😀".repeat(600);
		read(line + "\n");
		List<String> parts = messages().stream().map((message) -> message.substring("<30>".length())).toList();
		assertThat(parts).hasSizeGreaterThan(1);
		assertThat(String.join("", parts)).isEqualTo(line);
		assertThat(parts).allSatisfy((part) -> assertThat(part.getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(LineReader.MAX_BODY_BYTES));
	}

	@Test
	void whenAStackTraceFollowsABootErrorThenItKeepsItsSeverity() throws Exception {
		read("2026-11-26T07:47:26.806Z ERROR 42 --- [app] [main] x : boom\n",
				"java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\nplain\n");
		assertThat(messages()).extracting((message) -> message.substring(0, 4))
			.containsExactly("<27>", "<27>", "<27>", "<30>");
	}

	private void read(String... pieces) {
		byte[][] bytes = new byte[pieces.length][];
		for (int i = 0; i < pieces.length; i++) {
			bytes[i] = pieces[i].getBytes(StandardCharsets.UTF_8);
		}
		read(bytes);
	}

	// Each piece comes from its own read, as a pipe gives what each write put in.
	private void read(byte[]... pieces) {
		List<InputStream> streams = new ArrayList<>();
		for (byte[] piece : pieces) {
			streams.add(new ByteArrayInputStream(piece));
		}
		SyslogFormatter formatter = new SyslogFormatter(SyslogFormat.RFC3164, Facility.code("daemon"), "t", "-");
		new LineReader(new SequenceInputStream(Collections.enumeration(streams)), new Severity(Severity.INFO),
				formatter, this.queue)
			.run();
	}

	// Each message's priority and body, without the timestamp and tag.
	private List<String> messages() throws InterruptedException, IOException {
		List<String> messages = new ArrayList<>();
		while (this.queue.pending() > 0) {
			for (MessageBatch batch : this.queue.takeAll()) {
				for (int i = 0; i < batch.count(); i++) {
					ByteArrayOutputStream message = new ByteArrayOutputStream();
					message.write(batch.data(), batch.start(i), batch.end(i) - batch.start(i));
					String text = message.toString(StandardCharsets.UTF_8);
					messages.add(text.substring(0, text.indexOf('>') + 1) + text.substring(text.indexOf("]: ") + 3));
				}
				this.queue.delivered(batch.count());
			}
		}
		return messages;
	}

}
