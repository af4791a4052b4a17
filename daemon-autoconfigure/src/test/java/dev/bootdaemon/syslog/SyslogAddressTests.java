package dev.bootdaemon.syslog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SyslogAddress}.
 */
class SyslogAddressTests {

	@ParameterizedTest
	@CsvSource({ "/dev/log, UNIX, /dev/log", "unix:///run/systemd/journal/syslog, UNIX, /run/systemd/journal/syslog",
			"udp://127.0.0.1:514, UDP, udp://127.0.0.1:514", "tcp://logs.example.org:6514, TCP, tcp://logs.example.org:6514" })
	void whenWellFormedThenParsed(String address, SyslogAddress.Transport transport, String shown) {
		SyslogAddress parsed = SyslogAddress.parse(address);
		assertThat(parsed.transport()).isEqualTo(transport);
		assertThat(parsed).hasToString(shown);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://host:21", "udp://host", "tcp://:514", "unix://relative", "dev/log", "", "udp://h:514/x" })
	void whenMalformedThenRefusedNamingTheProperty(String address) {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> SyslogAddress.parse(address))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("daemon.syslog.address"))
			.satisfies((ex) -> assertThat(ex.getValue()).isEqualTo(address))
			.satisfies((ex) -> assertThat(ex.getReason())
				.isEqualTo("expected /dev/log, unix:///path, udp://host:port or tcp://host:port"));
	}

}
