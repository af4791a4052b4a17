package dev.bootdaemon.syslog;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SyslogFormatter}.
 */
class SyslogFormatterTests {

	@Test
	void whenRfc3164ThenTheMessageIsAsLibcWritesIt() {
		String message = new String(new SyslogFormatter(SyslogFormat.RFC3164, Facility.code("local0"), "shop")
			.format(Severity.ERR, "boom"), StandardCharsets.UTF_8);
		assertThat(message).matches("<131>[A-Z][a-z]{2} [ 1-3]\\d \\d\\d:\\d\\d:\\d\\d shop\\["
				+ ProcessHandle.current().pid() + "\\]: boom");
	}

	@Test
	void whenRfc5424ThenTheMessageHasVersionTimestampHostAndPid() {
		String message = new String(new SyslogFormatter(SyslogFormat.RFC5424, Facility.code("daemon"), "shop")
			.format(Severity.INFO, "fine"), StandardCharsets.UTF_8);
		assertThat(message).matches("<30>1 \\d{4}-\\d\\d-\\d\\dT\\S+ \\S+ shop " + ProcessHandle.current().pid()
				+ " - - fine");
	}

}
