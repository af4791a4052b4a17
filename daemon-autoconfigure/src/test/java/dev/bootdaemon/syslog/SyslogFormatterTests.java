package dev.bootdaemon.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SyslogFormatter}.
 */
class SyslogFormatterTests {

	@Test
	void whenRfc3164ThenTheMessageIsAsLibcWritesIt() {
		String message = text(new SyslogFormatter(SyslogFormat.RFC3164, Facility.code("local0"), "shop", "-")
			.format(Severity.ERR, "boom"));
		assertThat(message).matches("<131>[A-Z][a-z]{2} [ 1-3]\\d \\d\\d:\\d\\d:\\d\\d shop\\["
				+ ProcessHandle.current().pid() + "\\]: boom");
	}

	@Test
	void whenRfc5424ThenTheMessageHasVersionTimestampHostAndPid() {
		String message = text(new SyslogFormatter(SyslogFormat.RFC5424, Facility.code("daemon"), "shop", "host")
			.format(Severity.INFO, "fine"));
		assertThat(message).matches("<30>1 \\d{4}-\\d\\d-\\d\\dT\\S+ host shop " + ProcessHandle.current().pid()
				+ " - - fine");
	}

	@Test
	void whenTheSameSecondThenTheHeaderIsBuiltOnceASeverity() {
		SyslogFormatter formatter = new SyslogFormatter(SyslogFormat.RFC3164, Facility.code("daemon"), "shop", "-");
		byte[] first;
		byte[] again;
		do {
			first = formatter.header(Severity.INFO);
			again = formatter.header(Severity.INFO);
		}
		while (!Arrays.equals(first, again));
		assertThat(again).isSameAs(first);
		assertThat(formatter.header(Severity.ERR)).isNotEqualTo(first);
	}

	private static String text(MessageBatch batch) {
		return new String(batch.data(), 0, batch.end(0), StandardCharsets.UTF_8);
	}

}
