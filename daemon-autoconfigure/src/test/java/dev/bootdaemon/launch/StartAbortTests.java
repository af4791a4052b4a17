package dev.bootdaemon.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bootdaemon.control.ProcessTermination;
import dev.bootdaemon.startup.StartupChannel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StartAbort}, with real processes.
 */
class StartAbortTests {

	private StartupChannel channel;

	private Path privateDirectory;

	private Process spawned;

	@BeforeEach
	void open() throws IOException {
		this.channel = StartupChannel.open();
		this.privateDirectory = this.channel.directory();
	}

	@AfterEach
	void kill() throws IOException {
		if (this.spawned != null) {
			this.spawned.destroyForcibly();
		}
		this.channel.close();
	}

	@Test
	void whenInterruptedBeforeThePidIsKnownThenTheDaemonIsFoundByThePrivateDirectory() throws IOException {
		// What runs while the daemon is being spawned: a shell reading the command script.
		this.spawned = new ProcessBuilder("sh", "-c", "sleep 30", "sh", this.privateDirectory.resolve("command").toString())
			.start();
		try (StartAbort abort = StartAbort.register(this.channel)) {
			abort.stop(Duration.ZERO);
		}
		assertThat(ProcessTermination.awaitExit(this.spawned.toHandle(), Duration.ofSeconds(5))).isTrue();
	}

	@Test
	void whenAnotherLaunchersDirectoryStartsWithTheSameNameThenItsDaemonIsLeftAlone() throws IOException {
		// boot-daemon-123 must not match boot-daemon-1234's startup socket.
		Process other = new ProcessBuilder("sh", "-c", "sleep 30", "sh",
				this.privateDirectory + "4/startup.sock").start();
		this.spawned = other;
		try (StartAbort abort = StartAbort.register(this.channel)) {
			abort.stop(Duration.ZERO);
		}
		assertThat(other.isAlive()).isTrue();
	}

	@Test
	void whenThePidIsKnownThenOnlyThatProcessIsStopped() throws IOException {
		this.spawned = new ProcessBuilder("sleep", "30").start();
		Process other = new ProcessBuilder("sh", "-c", "sleep 30", "sh", this.privateDirectory.toString()).start();
		try (StartAbort abort = StartAbort.register(this.channel)) {
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
