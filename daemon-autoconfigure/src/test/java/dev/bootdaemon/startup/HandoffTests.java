package dev.bootdaemon.startup;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.bootdaemon.startup.Handoff.Attached;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Handoff}'s record of an early daemon's checked settings.
 */
class HandoffTests {

	private final Attached attached = new Attached("my app", "/run/my app\nü.pid", "output /var/log/app.out",
			"/var/log/app.out", Duration.ofMinutes(5), 12345, "Warning: syslog is unreachable\n");

	@Test
	void whenTheRecordIsCompleteThenItReadsBackWithWhatFollows() {
		String said = this.attached.message() + Handoff.STARTED + "\n" + Handoff.READY + "\n";
		assertThat(Attached.read(said)).isEqualTo(this.attached);
		assertThat(Attached.after(said)).isEqualTo(Handoff.STARTED + "\n" + Handoff.READY + "\n");
	}

	@Test
	void whenOnlyPartOfTheRecordArrivedThenThereIsNoneYet() {
		String message = this.attached.message();
		for (int length = 0; length < message.length(); length++) {
			String part = message.substring(0, length);
			assertThat(Attached.read(part)).as(part).isNull();
			assertThat(Attached.after(part)).isEqualTo(part);
		}
	}

	@Test
	void whenTheDaemonSaysSomethingElseThenThereIsNoRecord() {
		assertThat(Attached.read(Handoff.READY + "\n")).isNull();
		assertThat(Attached.after(Handoff.FAILED + "\nno\0such")).isEqualTo(Handoff.FAILED + "\nno\0such");
	}

	@Test
	void whenAnEarlyDaemonIsMarkedThenItsCommandLineNamesTheSocketTheDirectoryAndTheEarlyStart() {
		assertThat(Handoff.earlyMarkers(java.nio.file.Path.of("/tmp/x/startup.sock"), java.nio.file.Path.of("/srv")))
			.containsExactly("-Dboot-daemon.startup-socket=/tmp/x/startup.sock", "-Dboot-daemon.launch-directory=/srv",
					"-Dboot-daemon.early-start=true");
	}

}
