package dev.bootdaemon.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.env.MockEnvironment;

import dev.bootdaemon.posix.PosixProvider;
import dev.bootdaemon.settings.DaemonProperties.Restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DaemonSettings}.
 */
class DaemonSettingsTests {

	private static final LaunchContext FROM_A_TERMINAL = new LaunchContext(List.of(), "application", null, false);

	private static final Path LAUNCH_DIRECTORY = Path.of("/home/user/app");

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void whenNothingIsSetThenDefaultsNameFilesAfterTheApplicationInTheLaunchDirectory() {
		this.environment.setProperty("spring.application.name", "shop");
		DaemonSettings settings = DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL);
		assertThat(settings.applicationName()).isEqualTo("shop");
		assertThat(settings.workingDirectory()).isEqualTo(Path.of("/"));
		assertThat(settings.umaskOctal()).isEqualTo("0022");
		assertThat(settings.output().file()).isEqualTo(Path.of("/home/user/app/shop.out"));
		assertThat(settings.output().description()).isEqualTo("output /home/user/app/shop.out");
		assertThat(settings.pidFile()).isEqualTo(Path.of("/home/user/app/shop.pid"));
		assertThat(settings.pidFileProperty()).isEqualTo("daemon.pid-file");
		assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void whenNoApplicationNameIsSetThenApplicationIsUsed() {
		DaemonSettings settings = DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL);
		assertThat(settings.pidFile()).isEqualTo(Path.of("/home/user/app/application.pid"));
	}

	@Test
	void whenPathsAreRelativeThenTheyResolveAgainstTheLaunchDirectory() {
		this.environment.setProperty("daemon.pid-file", "run/../app.pid");
		this.environment.setProperty("daemon.output-file", "logs/app.out");
		this.environment.setProperty("daemon.working-directory", ".");
		DaemonSettings settings = DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL);
		assertThat(settings.pidFile()).isEqualTo(Path.of("/home/user/app/app.pid"));
		assertThat(settings.output().file()).isEqualTo(Path.of("/home/user/app/logs/app.out"));
		assertThat(settings.workingDirectory()).isEqualTo(LAUNCH_DIRECTORY);
	}

	@Test
	void whenOnlySpringPidFileIsSetThenItIsThePidFile() {
		this.environment.setProperty("spring.pid.file", "/var/run/boot.pid");
		DaemonSettings settings = DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL);
		assertThat(settings.pidFile()).isEqualTo(Path.of("/var/run/boot.pid"));
		assertThat(settings.pidFileProperty()).isEqualTo("spring.pid.file");
	}

	@Test
	void whenBothPidFilePropertiesAreSetThenDaemonPidFileWins() {
		this.environment.setProperty("spring.pid.file", "/var/run/boot.pid");
		this.environment.setProperty("daemon.pid-file", "/var/run/daemon.pid");
		assertThat(DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL).pidFile())
			.isEqualTo(Path.of("/var/run/daemon.pid"));
	}

	@Test
	void whenOutputIsNoneThenThereIsNoOutputFile() throws Exception {
		this.environment.setProperty("daemon.output", "none");
		DaemonSettings settings = DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL);
		assertThat(settings.output().file()).isNull();
		assertThat(settings.output().prepare(LAUNCH_DIRECTORY, PosixProvider.posix()).stdout()).isEqualTo(Path.of("/dev/null"));
		assertThat(settings.output().description()).isEqualTo("output discarded");
	}

	@Test
	void whenOutputIsSyslogThenItNamesTheAddress() {
		this.environment.setProperty("daemon.output", "syslog");
		this.environment.setProperty("daemon.syslog.address", "udp://127.0.0.1:5514");
		assertThat(DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL).output().description())
			.isEqualTo("output syslog udp://127.0.0.1:5514");
	}

	@ParameterizedTest
	@CsvSource({ "0, 0000", "022, 0022", "0027, 0027", "777, 0777", "0777, 0777" })
	void whenUmaskIsOctalThenItIsAccepted(String value, String octal) {
		this.environment.setProperty("daemon.umask", value);
		assertThat(DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL).umaskOctal()).isEqualTo(octal);
	}

	@ParameterizedTest
	@CsvSource({ "daemon.umask, 999, must be an octal number from 0 to 777",
			"daemon.umask, abc, must be an octal number from 0 to 777",
			"daemon.umask, 1000, must be an octal number from 0 to 777",
			"daemon.umask, -1, must be an octal number from 0 to 777",
			"daemon.startup-timeout, 0s, must be positive", "daemon.startup-timeout, -5s, must be positive",
			"daemon.startup-timeout, soon, ''", "daemon.output, printer, ''",
			"daemon.enabled, maybe, ''",
			"daemon.syslog.address, ftp://example.org, 'expected /dev/log, unix:///path, udp://host:port or tcp://host:port'",
			"daemon.syslog.address, udp://nohostport, expected /dev/log", "daemon.syslog.facility, mail2, expected one of",
			"daemon.syslog.format, rfc9999, ''", "daemon.syslog.buffer-lines, 0, must be positive",
			"daemon.syslog.tag, messaging-stomp-websocket-complete, is 34 characters; RFC 3164 allows 32",
			"daemon.restart, sometimes, ''", "daemon.restart-delay, -1s, must not be negative",
			"daemon.restart-max-delay, 10ms, is shorter than daemon.restart-delay",
			"daemon.restart-limit, -1, must not be negative", "daemon.restart-limit-interval, 0s, must be positive",
			"daemon.watchdog, 0s, must be at least 1ms" })
	void whenAValueCannotWorkThenTheErrorNamesPropertyAndValue(String property, String value, String reason) {
		this.environment.setProperty(property, value);
		if (property.startsWith("daemon.syslog")) {
			this.environment.setProperty("daemon.output", "syslog");
		}
		assertThatExceptionOfType(InvalidDaemonPropertyException.class)
			.isThrownBy(() -> DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL))
			.withMessageStartingWith("Invalid value '" + value + "' for property '" + property + "': ")
			.withMessageContaining(reason);
	}

	@Test
	void whenNoApplicationNameIsSetThenTheProcessNamesTheApplication() {
		DaemonSettings settings = DaemonSettings.of(this.environment, LAUNCH_DIRECTORY,
				new LaunchContext(List.of(), "orders", null, false));
		assertThat(settings.applicationName()).isEqualTo("orders");
		assertThat(settings.pidFile()).isEqualTo(Path.of("/home/user/app/orders.pid"));
	}

	@Test
	void whenAServiceManagerRunsItThenAutoStaysInTheForegroundWithConsoleOutput() {
		LaunchContext supervised = new LaunchContext(List.of(), "application", "supervisord (SUPERVISOR_ENABLED)", false);
		DaemonSettings settings = DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, supervised);
		assertThat(settings.detaches()).isFalse();
		assertThat(settings.output().description()).isEqualTo("output to the console");
		this.environment.setProperty("daemon.output", "file");
		assertThat(DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, supervised).output().file())
			.isEqualTo(Path.of("/home/user/app/application.out"));
		this.environment.setProperty("daemon.detach", "always");
		assertThat(DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, supervised).detaches()).isTrue();
	}

	@Test
	void whenTheDaemonRestartsThenOnlyOneThatDetachesHasASupervisorOfItsOwn() {
		assertThat(DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL).supervised()).isFalse();
		this.environment.setProperty("daemon.restart", "on-failure");
		DaemonSettings settings = DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL);
		assertThat(settings.supervised()).isTrue();
		assertThat(settings.restart()).isEqualTo(new RestartPolicy(Restart.ON_FAILURE, Duration.ofSeconds(1),
				Duration.ofMinutes(1), 5, Duration.ofMinutes(5), null));
		LaunchContext underSystemd = new LaunchContext(List.of(), "application", "systemd (INVOCATION_ID)", false);
		assertThat(DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, underSystemd).supervised())
			.as("the service manager restarts it").isFalse();
		this.environment.setProperty("daemon.detach", "always");
		assertThat(DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, underSystemd).supervised())
			.as("Type=forking: systemd restarts it").isFalse();
	}

	@Test
	void whenDetachIsAlwaysOrNeverThenThatIsDone() {
		this.environment.setProperty("daemon.detach", "never");
		DaemonSettings settings = DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL);
		assertThat(settings.detaches()).isFalse();
		assertThat(settings.output().description()).isEqualTo("output to the console");
		assertThat(DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, new LaunchContext(List.of(), "application", null, true))
			.detaches()).as("the detached daemon itself").isTrue();
	}

	@Test
	void whenConsoleOutputWouldDetachThenItIsRefused() {
		this.environment.setProperty("daemon.output", "console");
		assertThatExceptionOfType(InvalidDaemonPropertyException.class)
			.isThrownBy(() -> DaemonSettings.of(this.environment, LAUNCH_DIRECTORY, FROM_A_TERMINAL))
			.withMessageStartingWith("Invalid value 'console' for property 'daemon.output': a detached daemon");
	}

}
