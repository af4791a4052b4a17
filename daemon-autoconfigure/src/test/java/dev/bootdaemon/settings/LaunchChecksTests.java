package dev.bootdaemon.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link LaunchChecks}.
 */
class LaunchChecksTests {

	private static final LaunchContext FROM_A_TERMINAL = new LaunchContext(List.of(), "application", null, false);

	@TempDir
	Path directory;

	private final MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "app");

	@Test
	void whenEverythingIsUsableThenNothingIsThrownAndNothingIsLeft() throws IOException {
		assertThatNoException().isThrownBy(this::check);
		try (var files = Files.list(this.directory)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void whenThePidFileDirectoryIsMissingThenTheErrorNamesIt() {
		Path pidFile = this.directory.resolve("missing/app.pid");
		this.environment.setProperty("daemon.pid-file", pidFile.toString());
		assertInvalid("daemon.pid-file", pidFile, "directory " + pidFile.getParent() + " does not exist");
	}

	@Test
	void whenThePidFileDirectoryIsNotWritableThenTheErrorSaysSo() {
		// Not even root can create files in /proc.
		this.environment.setProperty("daemon.pid-file", "/proc/app.pid");
		assertInvalid("daemon.pid-file", Path.of("/proc/app.pid"), "directory /proc is not writable");
	}

	@Test
	void whenThePidFileIsADirectoryThenTheErrorSaysSo() throws IOException {
		Path pidFile = Files.createDirectory(this.directory.resolve("app.pid"));
		assertInvalid("daemon.pid-file", pidFile, "is a directory");
	}

	@Test
	void whenThePidFileIsASymbolicLinkThenItIsRefused() throws IOException {
		Path pidFile = Files.createSymbolicLink(this.directory.resolve("app.pid"),
				Files.writeString(this.directory.resolve("other"), "x"));
		assertInvalid("daemon.pid-file", pidFile, "is a symbolic link; refusing to follow it");
	}

	@Test
	void whenThePidFileDirectoryIsWorldWritableWithoutStickyBitThenItIsRefused() throws IOException {
		Path open = Files.createDirectory(this.directory.resolve("open"));
		Files.setAttribute(open, "unix:mode", 0777);
		this.environment.setProperty("daemon.pid-file", open.resolve("app.pid").toString());
		assertInvalid("daemon.pid-file", open.resolve("app.pid"), "is world-writable without the sticky bit");
		Files.setAttribute(open, "unix:mode", 01777);
		assertThatNoException().isThrownBy(this::check);
	}

	@Test
	void whenThePidFileComesFromSpringPidFileThenThatPropertyIsNamed() {
		Path pidFile = this.directory.resolve("missing/app.pid");
		this.environment.setProperty("spring.pid.file", pidFile.toString());
		assertInvalid("spring.pid.file", pidFile, "does not exist");
	}

	@Test
	void whenTheOutputFileDirectoryIsMissingThenTheErrorNamesIt() {
		Path outputFile = this.directory.resolve("logs/app.out");
		this.environment.setProperty("daemon.output-file", outputFile.toString());
		assertInvalid("daemon.output-file", outputFile, "does not exist");
	}

	@Test
	void whenTheOutputFileIsADirectoryThenTheErrorSaysSo() {
		this.environment.setProperty("daemon.output-file", this.directory.toString());
		assertInvalid("daemon.output-file", this.directory, "is a directory");
	}

	@Test
	void whenOutputIsDiscardedThenTheOutputFileIsNotChecked() {
		this.environment.setProperty("daemon.output", "none");
		this.environment.setProperty("daemon.output-file", "/missing/app.out");
		assertThatNoException().isThrownBy(this::check);
	}

	@Test
	void whenTheWorkingDirectoryIsMissingThenTheErrorNamesIt() {
		this.environment.setProperty("daemon.working-directory", "/no/such/dir");
		assertInvalid("daemon.working-directory", Path.of("/no/such/dir"), "no such directory");
	}

	private void check() {
		LaunchChecks.check(DaemonSettings.of(this.environment, this.directory, FROM_A_TERMINAL));
	}

	private void assertInvalid(String property, Path value, String reason) {
		assertThatExceptionOfType(InvalidDaemonPropertyException.class).isThrownBy(this::check)
			.withMessageStartingWith("Invalid value '" + value + "' for property '" + property + "': ")
			.withMessageContaining(reason);
	}

}
