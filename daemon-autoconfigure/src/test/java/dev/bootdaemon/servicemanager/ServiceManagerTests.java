package dev.bootdaemon.servicemanager;

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
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, SHELL, "bash")).isNull();
		assertThat(ServiceManager.detect(Map.of("NOTIFY_SOCKET", ""), PID, SHELL, SHELL, "sh")).isNull();
	}

	@Test
	void whenASocketIsPassedToThisProcessThenItStaysToServeIt() {
		assertThat(ServiceManager.detect(Map.of("LISTEN_FDS", "1", "LISTEN_PID", String.valueOf(PID)), PID, SHELL, SHELL,
				"sh"))
			.startsWith("socket activation");
		assertThat(ServiceManager.detect(Map.of("LISTEN_FDS", "1", "LISTEN_PID", "7"), PID, SHELL, SHELL, "sh")).isNull();
		assertThat(ServiceManager.detect(Map.of("LISTEN_FDS", "0", "LISTEN_PID", String.valueOf(PID)), PID, SHELL, SHELL,
				"sh"))
			.isNull();
	}

	@Test
	void whenUnderSystemdThenItIsNamed() {
		assertThat(ServiceManager.detect(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"), PID, SHELL, SHELL, "sh"))
			.startsWith("systemd");
		assertThat(ServiceManager.detect(Map.of("INVOCATION_ID", "5d3c1b"), PID, SHELL, SHELL, "sh"))
			.startsWith("systemd");
	}

	@Test
	void whenUnderASupervisorThenItIsNamed() {
		assertThat(ServiceManager.detect(Map.of("SUPERVISOR_ENABLED", "1"), PID, SHELL, SHELL, "sh"))
			.startsWith("supervisord");
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, SHELL, "runsv")).startsWith("runit");
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, SHELL, "s6-supervise")).startsWith("s6");
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, SHELL, "supervise"))
			.startsWith("daemontools");
		// /proc/PID/comm cuts the command to 15 characters.
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, SHELL, "supervise-daemo"))
			.startsWith("OpenRC");
	}

	@Test
	void whenItIsAContainersMainProcessThenItIsNamed() {
		assertThat(ServiceManager.detect(Map.of(), 1, 1, 0, null)).startsWith("PID 1");
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, 0, null)).startsWith("a container runtime");
	}

	@Test
	void whenAContainersInitStartedItThenItIsNamed() {
		// tini and dumb-init give their child a group of its own; a shell as PID 1 keeps
		// it in its own, seen as 0 when that group began outside the namespace (unshare).
		assertThat(ServiceManager.detect(Map.of(), PID, PID, 1, "tini")).startsWith("a container's init");
		assertThat(ServiceManager.detect(Map.of(), PID, 1, 1, "sh")).startsWith("a container's init");
		assertThat(ServiceManager.detect(Map.of(), PID, 0, 1, "sh")).startsWith("a container's init");
	}

	@Test
	void whenOrphanedToPidOneByAShellThatExitedThenNothingManagesIt() {
		// sh -c 'java -jar app.jar &': the shell's group, the shell gone.
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, 1, "systemd")).isNull();
		assertThat(ServiceManager.detect(Map.of(), PID, SHELL, 1, "process_api")).isNull();
	}

}
