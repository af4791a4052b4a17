package dev.bootdaemon.pidfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PidFileSupervisor}, against a real process with a supervisor's
 * command line.
 */
class PidFileSupervisorTests {

	@TempDir
	Path directory;

	private Process supervisor;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.supervisor != null) {
			this.supervisor.destroyForcibly().waitFor();
		}
	}

	@Test
	void whenTheSupervisorKeepsThePidFileThenItIsFound() throws IOException {
		Path pidFile = Files.writeString(this.directory.resolve("app.pid"), "4242\n");
		startSupervisor(pidFile);
		assertThat(PidFileSupervisor.of(pidFile)).hasValue(this.supervisor.pid());
		assertThat(PidFileSupervisor.of(this.directory.resolve("other.pid"))).isEmpty();
	}

	@Test
	void whenThereIsNoPidFileThenNoSupervisorIsLookedFor() throws IOException {
		Path pidFile = this.directory.resolve("app.pid");
		startSupervisor(pidFile);
		assertThat(PidFileSupervisor.of(pidFile)).isEmpty();
	}

	private void startSupervisor(Path pidFile) throws IOException {
		Path script = Files.writeString(this.directory.resolve("command"), "sleep 60\n");
		this.supervisor = new ProcessBuilder("sh", script.toString(), PidFileSupervisor.MARKER, pidFile.toString())
			.start();
		// Once the child has exec'd the shell, which then keeps that command line.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> PidFileSupervisor.supervises(this.supervisor.pid(), pidFile));
	}

}
