package dev.bootdaemon.syslog;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the pure parts of {@link SyslogForwarder} and {@link SyslogFormatter}; the
 * delivery itself is tested against a real rsyslogd in the sample app's
 * {@code SyslogIT}.
 */
class SyslogForwarderTests {

	@Test
	void whenALineFitsThenItIsOneMessage() {
		assertThat(SyslogForwarder.split("short")).containsExactly("short");
	}

	@Test
	void whenALineIsTooLongThenItIsSplitBetweenCharactersWithinTheLimit() {
		String line = "é".repeat(1500) + "x".repeat(10) + "😀".repeat(600);
		List<String> parts = SyslogForwarder.split(line);
		assertThat(parts).hasSizeGreaterThan(1);
		assertThat(String.join("", parts)).isEqualTo(line);
		assertThat(parts).allSatisfy((part) -> assertThat(part.getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(SyslogForwarder.MAX_BODY_BYTES));
	}

	@Test
	void whenTheFacilityIsUnknownThenItIsRefused() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> SyslogForwarder.validate("/dev/log", "mail2"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("daemon.syslog.facility"))
			.satisfies((ex) -> assertThat(ex.getValue()).isEqualTo("mail2"))
			.satisfies((ex) -> assertThat(ex.getReason()).startsWith("expected one of kern,"));
	}

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
