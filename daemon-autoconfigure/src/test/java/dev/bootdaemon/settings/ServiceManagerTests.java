package dev.bootdaemon.settings;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServiceManager}.
 */
class ServiceManagerTests {

	private static final long PID = 4242;

	private static final long SHELL = 4000;

	@Test
	void whenStartedFromAShellThenNothingManagesIt() {
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, "bash")).isNull();
		assertThat(ServiceManager.detect(Map.of("NOTIFY_SOCKET", ""), PID, SHELL, "sh")).isNull();
	}

	@Test
	void whenASocketIsPassedToThisProcessThenItStaysToServeIt() {
		assertThat(ServiceManager.detect(Map.of("LISTEN_FDS", "1", "LISTEN_PID", String.valueOf(PID)), PID, SHELL,
				"sh"))
			.startsWith("socket activation");
		assertThat(ServiceManager.detect(Map.of("LISTEN_FDS", "1", "LISTEN_PID", "7"), PID, SHELL, "sh")).isNull();
		assertThat(ServiceManager.detect(Map.of("LISTEN_FDS", "0", "LISTEN_PID", String.valueOf(PID)), PID, SHELL,
				"sh"))
			.isNull();
	}

	@Test
	void whenUnderSystemdThenItIsNamed() {
		assertThat(ServiceManager.detect(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"), PID, SHELL, "sh"))
			.startsWith("systemd");
		assertThat(ServiceManager.detect(Map.of("INVOCATION_ID", "5d3c1b"), PID, SHELL, "sh"))
			.startsWith("systemd");
	}

	@Test
	void whenUnderASupervisorThenItIsNamed() {
		assertThat(ServiceManager.detect(Map.of("SUPERVISOR_ENABLED", "1"), PID, SHELL, "sh"))
			.startsWith("supervisord");
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, "runsv")).startsWith("runit");
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, "s6-supervise")).startsWith("s6");
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, "supervise"))
			.startsWith("daemontools");
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, "supervise-daemon"))
			.startsWith("OpenRC");
	}

	@Test
	void whenItIsAContainersMainProcessThenItIsNamed() {
		assertThat(ServiceManager.detect(Map.of(), 1, 0, null)).startsWith("PID 1");
		assertThat(ServiceManager.detect(Map.of(), PID, 0, null)).startsWith("a container runtime");
		assertThat(ServiceManager.detect(Map.of(), PID, 1, "tini")).startsWith("init");
	}

	@Test
	void whenTheParentIsInitThenItIsNamed() {
		assertThat(ServiceManager.detect(Map.of(), PID, 1, "init")).startsWith("init");
	}

}
