package dev.bootdaemon.entry;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import dev.bootdaemon.settings.LaunchContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/**
 * Tests for {@link DaemonCommand#run}: the commands that end the launching process, with
 * the exit status of the step they return and the one line they print.
 */
class DaemonCommandTests {

	private static final LaunchContext FROM_A_TERMINAL = new LaunchContext(List.of("java", "-jar", "/opt/app.jar"),
			"app", null, false);

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final MockEnvironment environment = new MockEnvironment();

	@TempDir
	Path directory;

	@Test
	void whenStatusOfNothingRunningThenItExitsWithLsbNotRunning() {
		this.environment.setProperty("daemon.command", "status");
		this.environment.setProperty("daemon.pid-file", this.directory.resolve("app.pid").toString());
		assertThat(exit()).isEqualTo(3);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo("app is not running\n");
	}

	@Test
	void whenStopOfNothingRunningThenItExitsWithSuccess() {
		this.environment.setProperty("daemon.command", "stop");
		this.environment.setProperty("daemon.pid-file", this.directory.resolve("app.pid").toString());
		assertThat(exit()).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo("app is not running\n");
	}

	@Test
	void whenAPropertyCannotWorkThenOneLineNamesItAndItExitsWithFailure() {
		this.environment.setProperty("daemon.enabled", "true");
		this.environment.setProperty("daemon.umask", "999");
		assertThat(exit()).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).isEqualTo("app cannot start as a daemon: Invalid value "
				+ "'999' for property 'daemon.umask': must be an octal number from 0 to 777\n");
	}

	@Test
	void whenASyslogPropertyCannotWorkThenTheLineIsWordedTheSame() {
		this.environment.setProperty("daemon.enabled", "true");
		this.environment.setProperty("daemon.output", "syslog");
		this.environment.setProperty("daemon.syslog.facility", "mail2");
		assertThat(exit()).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.startsWith("app cannot start as a daemon: Invalid value 'mail2' for property 'daemon.syslog.facility': ");
	}

	private int exit() {
		DaemonCommand command = new DaemonCommand(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
		return assertThat(command.run(this.environment, FROM_A_TERMINAL)).asInstanceOf(type(Step.Exit.class))
			.actual()
			.status();
	}

}
