package dev.bootdaemon.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bootdaemon.control.DaemonControl.ApplicationCheck;
import dev.bootdaemon.pidfile.PidFile;
import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DaemonControl}. A flock taken through another open file conflicts
 * even within one process, so this JVM can play the running daemon for status.
 */
class DaemonControlTests {

	private final Posix posix = PosixProvider.posix();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@TempDir
	Path directory;

	@Test
	void whenThereIsNoPidFileThenStatusIsNotRunning() {
		assertThat(control().status()).isEqualTo(DaemonControl.NOT_RUNNING);
		assertThat(out()).isEqualTo("app is not running\n");
	}

	@Test
	void whenThePidFileIsLockedThenStatusIsRunningWithPidAndUptime() {
		long pid = ProcessHandle.current().pid();
		PidFile pidFile = PidFile.acquire(this.posix, pidFile(), pid, (stale) -> {
		});
		try {
			assertThat(control().status()).isEqualTo(DaemonControl.RUNNING);
			assertThat(out()).matches("app is running: pid " + pid + ", up .*s, pidfile " + pidFile() + "\n");
		}
		finally {
			pidFile.release();
		}
	}

	@Test
	void whenThePidFileIsNotLockedThenStatusIsDeadWithPidFile() throws IOException {
		Files.writeString(pidFile(), "4194305\n");
		assertThat(control().status()).isEqualTo(DaemonControl.DEAD_WITH_PIDFILE);
		assertThat(out()).contains("(pid 4194305)");
	}

	@Test
	void whenThePidFileCannotBeUsedThenStatusIsUnknown() throws IOException {
		Files.createDirectory(pidFile());
		assertThat(control().status()).isEqualTo(DaemonControl.UNKNOWN);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith("app status unknown: ");
	}

	@Test
	void whenNothingRunsThenStopSucceedsAndRemovesAStalePidFile() throws IOException {
		Files.writeString(pidFile(), "4194305\n");
		assertThat(control().stop(Duration.ofSeconds(1), true)).isZero();
		assertThat(pidFile()).doesNotExist();
		assertThat(out()).contains("removed stale pidfile");
	}

	@Test
	void whenTheHolderRunsAnotherApplicationThenStopAndStatusRefuseNamingIt() {
		long pid = ProcessHandle.current().pid();
		PidFile pidFile = PidFile.acquire(this.posix, pidFile(), pid, (stale) -> {
		});
		try {
			DaemonControl control = control((holder) -> "/opt/other.jar, not /opt/app.jar");
			assertThat(control.stop(Duration.ofSeconds(1), true)).isEqualTo(1);
			assertThat(control.status()).isEqualTo(DaemonControl.UNKNOWN);
			assertThat(this.err.toString(StandardCharsets.UTF_8))
				.contains("app cannot be stopped: " + pidFile() + " belongs to pid " + pid
						+ ", which runs /opt/other.jar, not /opt/app.jar")
				.contains("app status unknown: ");
			assertThat(pidFile()).exists();
		}
		finally {
			pidFile.release();
		}
	}

	@Test
	void whenTheHolderIsThisProcessThenStopNeverSignalsIt() {
		long pid = ProcessHandle.current().pid();
		PidFile pidFile = PidFile.acquire(this.posix, pidFile(), pid, (stale) -> {
		});
		try {
			assertThat(control().stop(Duration.ofSeconds(1), true)).isEqualTo(1);
			assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("which is never signalled");
		}
		finally {
			pidFile.release();
		}
	}

	private DaemonControl control() {
		return control((pid) -> null);
	}

	private DaemonControl control(ApplicationCheck applicationCheck) {
		return new DaemonControl("app", pidFile(), applicationCheck, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private Path pidFile() {
		return this.directory.resolve("app.pid");
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
