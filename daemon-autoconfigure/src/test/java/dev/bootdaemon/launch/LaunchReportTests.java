package dev.bootdaemon.launch;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LaunchReport}.
 */
class LaunchReportTests {

	@Test
	void whenAStartFailsThenTheLastLineSaysWhereTheOutputWent() {
		assertThat(LaunchReport.fullOutput(Path.of("/var/log/app.out"), "output /var/log/app.out"))
			.isEqualTo("Full output: /var/log/app.out");
		assertThat(LaunchReport.fullOutput(null, "output syslog /dev/log"))
			.isEqualTo("Full output: in syslog, sent to /dev/log");
		assertThat(LaunchReport.fullOutput(null, "output discarded"))
			.isEqualTo("Its output was discarded (daemon.output=none)");
	}

}
