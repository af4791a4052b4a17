package dev.bootdaemon.syslog;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link LineReader} splits long lines.
 */
class LineReaderTests {

	@Test
	void whenALineFitsThenItIsOneMessage() {
		assertThat(LineReader.split("short")).containsExactly("short");
	}

	@Test
	void whenALineIsTooLongThenItIsSplitBetweenCharactersWithinTheLimit() {
		String line = "é".repeat(1500) + "x".repeat(10) + "😀".repeat(600);
		List<String> parts = LineReader.split(line);
		assertThat(parts).hasSizeGreaterThan(1);
		assertThat(String.join("", parts)).isEqualTo(line);
		assertThat(parts).allSatisfy((part) -> assertThat(part.getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(LineReader.MAX_BODY_BYTES));
	}

}
