package dev.bootdaemon.systemd;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bootdaemon.posix.Posix;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SystemdNotifier#fromEnvironment}. The datagrams themselves are
 * checked against a real socket in the sample app's {@code ServiceManagerIT}.
 */
class SystemdNotifierTests {

	private final Posix posix = Posix.load();

	@Test
	void whenNotifySocketIsAbsentThenThereIsNoNotifier() {
		assertThat(SystemdNotifier.fromEnvironment(this.posix, Map.of())).isNull();
		assertThat(SystemdNotifier.fromEnvironment(this.posix, Map.of("NOTIFY_SOCKET", ""))).isNull();
	}

	@Test
	void whenNotifySocketIsSetThenThereIsANotifier() {
		assertThat(SystemdNotifier.fromEnvironment(this.posix, Map.of("NOTIFY_SOCKET", "/run/systemd/notify")))
			.isNotNull();
	}

	@Test
	void whenTheWatchdogIsForUsThenItIsFedAtHalfItsInterval() {
		assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000")))
			.hasValue(java.time.Duration.ofSeconds(15));
		assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID",
				String.valueOf(ProcessHandle.current().pid()))))
			.hasValue(java.time.Duration.ofSeconds(15));
	}

	@Test
	void whenTheWatchdogIsForAnotherProcessOrMalformedThenItIsNotFed() {
		assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "1")))
			.isEmpty();
		assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "soon"))).isEmpty();
		assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "0"))).isEmpty();
		assertThat(SystemdNotifier.watchdogInterval(Map.of())).isEmpty();
	}

}
