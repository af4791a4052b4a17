package dev.bootdaemon.launch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bootdaemon.control.ProcessTermination;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StartAbort}, with real processes.
 */
class StartAbortTests {

	private static final Closeable NO_CHANNEL = () -> {
	};


	@TempDir
	Path privateDirectory;

	private Process spawned;

	@AfterEach
	void kill() {
		if (this.spawned != null) {
			this.spawned.destroyForcibly();
		}
	}

	@Test
	void whenInterruptedBeforeThePidIsKnownThenTheDaemonIsFoundByThePrivateDirectory() throws IOException {
		// What runs while the daemon is being spawned: a shell reading the command script.
		this.spawned = new ProcessBuilder("sh", "-c", "sleep 30", "sh", this.privateDirectory.resolve("command").toString())
			.start();
		try (StartAbort abort = StartAbort.register(this.privateDirectory, NO_CHANNEL)) {
			abort.stop(Duration.ZERO);
		}
		assertThat(ProcessTermination.awaitExit(this.spawned.toHandle(), Duration.ofSeconds(5))).isTrue();
	}

	@Test
	void whenThePidIsKnownThenOnlyThatProcessIsStopped() throws IOException {
		this.spawned = new ProcessBuilder("sleep", "30").start();
		Process other = new ProcessBuilder("sh", "-c", "sleep 30", "sh", this.privateDirectory.toString()).start();
		try (StartAbort abort = StartAbort.register(this.privateDirectory, NO_CHANNEL)) {
			abort.spawned(this.spawned.pid());
			abort.stop(Duration.ZERO);
			assertThat(ProcessTermination.awaitExit(this.spawned.toHandle(), Duration.ofSeconds(5))).isTrue();
			assertThat(other.isAlive()).isTrue();
		}
		finally {
			other.destroyForcibly();
		}
	}

}
