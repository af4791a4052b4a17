package dev.bootdaemon.launch;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bootdaemon.autoconfigure.DaemonProperties.Detach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DaemonCommand#detaches}. This test JVM's parent is not PID 1.
 */
class DaemonCommandTests {

	@Test
	void whenAlwaysOrNeverThenThatIsDone() {
		assertThat(DaemonCommand.detaches(Detach.ALWAYS, Map.of("NOTIFY_SOCKET", "/run/notify"))).isTrue();
		assertThat(DaemonCommand.detaches(Detach.NEVER, Map.of())).isFalse();
	}

	@Test
	void whenAutoFromATerminalThenItDetaches() {
		assertThat(DaemonCommand.detaches(Detach.AUTO, Map.of())).isTrue();
		assertThat(DaemonCommand.detaches(Detach.AUTO, Map.of("NOTIFY_SOCKET", ""))).isTrue();
	}

	@Test
	void whenAutoUnderSystemdThenItStaysInTheForeground() {
		assertThat(DaemonCommand.detaches(Detach.AUTO, Map.of("NOTIFY_SOCKET", "/run/systemd/notify"))).isFalse();
		assertThat(DaemonCommand.detaches(Detach.AUTO, Map.of("INVOCATION_ID", "5d3c1b"))).isFalse();
	}

}
