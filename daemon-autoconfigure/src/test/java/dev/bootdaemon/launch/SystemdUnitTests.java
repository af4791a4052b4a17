package dev.bootdaemon.launch;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.LaunchContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SystemdUnit}; {@code ServiceFilesIT} checks a generated unit with
 * {@code systemd-analyze verify}.
 */
class SystemdUnitTests {

	private static final Path LAUNCH_DIRECTORY = Path.of("/opt/shop");

	private static final List<String> COMMAND_LINE = List.of("java", "-Xmx256m", "-jar", "shop.jar",
			"--daemon.command=systemd-unit", "--server.port=8080");

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void whenGeneratedThenItRunsTheSameCommandWithoutTheCommandAndWithDaemonModeOn() {
		String unit = unit();
		assertThat(unit).contains("\nType=notify\n", "\nNotifyAccess=main\n",
				"\nExecStart=/usr/bin/java -Xmx256m -jar /opt/shop/shop.jar --server.port=8080 --daemon.enabled=true\n",
				"\nWorkingDirectory=/opt/shop\n", "\nTimeoutStartSec=60s\n", "\nTimeoutStopSec=30s\n",
				"\nSuccessExitStatus=143\n", "\nRestart=on-failure\n", "\nWantedBy=multi-user.target\n")
			.doesNotContain("WatchdogSec", "User=", "RuntimeDirectory=");
	}

	@Test
	void whenUserPidFileInRunTimeoutsAndWatchdogAreSetThenTheUnitFollows() {
		this.environment.setProperty("daemon.user", "shop");
		this.environment.setProperty("daemon.group", "staff");
		this.environment.setProperty("daemon.pid-file", "/run/shop/shop.pid");
		this.environment.setProperty("daemon.startup-timeout", "2m");
		this.environment.setProperty("daemon.stop-timeout", "500ms");
		this.environment.setProperty("daemon.watchdog", "30s");
		assertThat(unit()).contains("\nUser=shop\n", "\nGroup=staff\n", "\nRuntimeDirectory=shop\n",
				"\nTimeoutStartSec=120s\n", "\nTimeoutStopSec=500ms\n", "\nWatchdogSec=30s\n");
	}

	@Test
	void whenAWordHasSpacesQuotesSpecifiersOrVariablesThenSystemdReadsItBackAsIt() {
		assertThat(SystemdUnit.quote("/opt/shop/shop.jar")).isEqualTo("/opt/shop/shop.jar");
		assertThat(SystemdUnit.quote("/opt/my shop/shop.jar")).isEqualTo("\"/opt/my shop/shop.jar\"");
		assertThat(SystemdUnit.quote("--rate=100%")).isEqualTo("--rate=100%%");
		assertThat(SystemdUnit.quote("--home=$HOME")).isEqualTo("--home=$$HOME");
		assertThat(SystemdUnit.quote("--say=\"hi\" \\o/")).isEqualTo("\"--say=\\\"hi\\\" \\\\o/\"");
		assertThat(SystemdUnit.quote("")).isEqualTo("\"\"");
	}

	private String unit() {
		DaemonSettings settings = DaemonSettings.of(this.environment, LAUNCH_DIRECTORY,
				new LaunchContext(COMMAND_LINE, "shop", null, false));
		return SystemdUnit.of(settings, COMMAND_LINE, "/usr/bin/java", LAUNCH_DIRECTORY);
	}

}
