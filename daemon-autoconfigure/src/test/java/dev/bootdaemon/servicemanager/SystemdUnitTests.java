package dev.bootdaemon.servicemanager;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.InvalidDaemonPropertyException;
import dev.bootdaemon.settings.LaunchContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SystemdUnit}; {@code ServiceFilesIT} checks a generated unit with
 * {@code systemd-analyze verify}.
 */
class SystemdUnitTests {

	private static final Path LAUNCH_DIRECTORY = Path.of("/opt/shop");

	private static final List<String> COMMAND_LINE = List.of("java", "-Xmx256m", "-jar", "shop.jar",
			"--daemon.command=systemd-unit", "--server.port=8080");

	// On Java 22 and later the unit enables native access for JNA (NativeAccessTests).
	private static final String NATIVE_ACCESS = (Runtime.version().feature() >= 22)
			? "--enable-native-access=ALL-UNNAMED " : "";

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void whenGeneratedThenItRunsTheSameCommandWithoutTheCommandAndWithDaemonModeOn() {
		String unit = unit();
		assertThat(unit).contains("\nType=notify\n", "\nNotifyAccess=main\n",
				"\nExecStart=/usr/bin/java " + NATIVE_ACCESS + "-Xmx256m -jar /opt/shop/shop.jar --server.port=8080 "
						+ "--daemon.enabled=true\n",
				"\nWorkingDirectory=/opt/shop\n", "\nTimeoutStartSec=60s\n", "\nTimeoutStopSec=30s\n",
				"\nSuccessExitStatus=143\n", "\nRestart=no\n", "\nWantedBy=multi-user.target\n")
			.doesNotContain("WatchdogSec", "User=", "RuntimeDirectory=", "StartLimit", "RestartSec");
	}

	@Test
	void whenTheDaemonRestartsThenSystemdRestartsItAlikeAndNoSupervisorRunsUnderIt() {
		this.environment.setProperty("daemon.restart", "on-failure");
		this.environment.setProperty("daemon.restart-delay", "2s");
		this.environment.setProperty("daemon.restart-max-delay", "30s");
		this.environment.setProperty("daemon.restart-limit", "4");
		this.environment.setProperty("daemon.restart-limit-interval", "10m");
		assertThat(unit()).contains("\nAfter=network.target\nStartLimitIntervalSec=600s\nStartLimitBurst=5\n\n",
				"\nRestart=on-failure\nRestartSec=2s\n", "\n#RestartSteps=4\n#RestartMaxDelaySec=30s\n");
		this.environment.setProperty("daemon.restart", "always");
		assertThat(unit()).contains("\nRestart=always\n");
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

	@Test
	void whenTheUserIsSetThenExecStartLeavesTheSwitchToUserAndAPrivilegedPortGetsItsCapability() {
		List<String> commandLine = List.of("java", "-Ddaemon.command=systemd-unit", "-Ddaemon.group=staff", "-jar",
				"shop.jar", "--daemon.user=shop", "--daemon.command=systemd-unit", "--server.port=80");
		this.environment.setProperty("daemon.user", "shop");
		String unit = unit(commandLine, List.of(80));
		assertThat(unit).contains("\nExecStart=/usr/bin/java " + NATIVE_ACCESS + "-jar /opt/shop/shop.jar --server.port=80 "
				+ "--daemon.enabled=true\n", "\nUser=shop\n", "\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n");
		assertThat(unit(commandLine, List.of(8080))).doesNotContain("AmbientCapabilities");
	}

	@Test
	void whenNamesHoldSpacesOrLineBreaksThenTheyAreRefusedOrKeptOnOneLine() {
		this.environment.setProperty("spring.application.name", "my\n[Service]\nExecStartPre=/bin/evil %n");
		String unit = unit();
		assertThat(unit).startsWith("# my [Service] ExecStartPre=/bin/evil %n, written by")
			.contains("\nDescription=my [Service] ExecStartPre=/bin/evil %%n\n")
			.doesNotContain("\nExecStartPre");
		this.environment.setProperty("daemon.user", "my shop");
		assertThatExceptionOfType(InvalidDaemonPropertyException.class).isThrownBy(this::unit)
			.withMessageStartingWith("Invalid value 'my shop' for property 'daemon.user'");
		this.environment.setProperty("daemon.user", "shop");
		this.environment.setProperty("daemon.pid-file", "/run/my shop/shop.pid");
		assertThatExceptionOfType(InvalidDaemonPropertyException.class).isThrownBy(this::unit)
			.withMessageContaining("RuntimeDirectory=");
	}

	private String unit() {
		return unit(COMMAND_LINE, List.of(8080));
	}

	private String unit(List<String> commandLine, List<Integer> ports) {
		DaemonSettings settings = DaemonSettings.of(this.environment, LAUNCH_DIRECTORY,
				new LaunchContext(commandLine, "shop", null, false));
		return SystemdUnit.of(settings, commandLine, "/usr/bin/java", LAUNCH_DIRECTORY, ports);
	}

}
