package dev.bootdaemon.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A daemon that cannot start: the launcher exits non-zero, shows why, and leaves
 * nothing behind.
 */
class StartupFailureIT {

	private static final Pattern DAEMON_PID = Pattern.compile("\\(pid (\\d+)\\)");

	@RegisterExtension
	final Daemons daemons = new Daemons();

	@Test
	void whenThePortIsInUseThenTheFailureAnalysisIsShown() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
			Launch launch = this.daemons.launch("--daemon.enabled=true", "--server.port=" + taken.getLocalPort());
			assertFailed(launch, "sample-app failed to start as a daemon");
			assertThat(launch.stderr()).contains("Port " + taken.getLocalPort() + " was already in use")
				.contains("Action:")
				.contains("Full output: " + this.daemons.file("sample-app.out"));
		}
	}

	@Test
	void whenAPropertyCannotBeBoundThenTheFailureAnalysisIsShown() {
		Launch launch = this.daemons.launch("--daemon.enabled=true", "--server.port=eighty");
		assertFailed(launch, "sample-app failed to start as a daemon");
		assertThat(launch.stderr()).contains("server.port").contains("eighty");
	}

	@Test
	void whenTheDaemonDiesBeforeItReadsItsConfigurationThenItsFirstOutputIsShown() throws IOException {
		Files.writeString(this.daemons.file("worker.key"), "secret-free test key\n");
		Launch launch = this.daemons.run(List.of(Daemons.JAVA, "-cp", Daemons.WORKER_CLASSPATH,
				"dev.bootdaemon.sample.worker.KeyFileApplication", "--daemon.enabled=true"), Map.of());
		assertThat(launch.exitCode()).isEqualTo(1);
		// The launcher's own main() found the key, in the launch directory.
		assertThat(launch.stdout()).isEqualTo("Reading the key from " + this.daemons.file("worker.key") + "\n");
		assertThat(launch.stderr()).startsWith("KeyFileApplication exited during startup (pid ")
			.contains("Last lines of its output:\n  Reading the key from /worker.key\n")
			.contains("java.nio.file.NoSuchFileException: worker.key");
		assertThat(this.daemons.running()).isEmpty();
		try (var files = Files.list(this.daemons.directory())) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("app.jar",
					"worker.key");
		}
	}

	@Test
	void whenNotReadyInTimeThenTheDaemonIsStopped() throws IOException {
		Launch launch = this.daemons.launch("--daemon.enabled=true", "--server.port=" + Daemons.freePort(),
				"--daemon.startup-timeout=500ms");
		assertFailed(launch, "sample-app was not ready within 500ms (daemon.startup-timeout) and was stopped");
		assertThat(Files.exists(this.daemons.file("sample-app.out"))).isTrue();
	}

	@Test
	void whenTheLauncherIsInterruptedBeforeReadyThenTheDaemonIsStoppedToo() throws Exception {
		Process launcher = this.daemons.startBackground(List.of(Daemons.JAVA, "-jar",
				this.daemons.file("app.jar").toString(), "--daemon.enabled=true", "--server.port=" + Daemons.freePort()),
				Map.of());
		await().atMost(Duration.ofSeconds(60)).until(() -> !this.daemons.running().isEmpty());
		long daemon = this.daemons.running().get(0);
		Path privateDirectory = ProcInfo.of(daemon)
			.commandLine()
			.stream()
			.filter((arg) -> arg.startsWith("-Dboot-daemon.startup-socket="))
			.map((arg) -> Path.of(arg.substring(arg.indexOf('=') + 1)).getParent())
			.findFirst()
			.orElseThrow();
		// Ctrl-C reaches the launcher only: the daemon is in a session of its own.
		new ProcessBuilder("kill", "-INT", String.valueOf(launcher.pid())).start().waitFor();
		assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(privateDirectory).as("the launcher's private directory").doesNotExist();
		await().atMost(Duration.ofSeconds(30)).until(() -> ProcInfo.hasExited(daemon));
		assertThat(this.daemons.running()).isEmpty();
		assertThat(this.daemons.file("sample-app.pid")).doesNotExist();
	}

	@Test
	void whenTheLauncherIsKilledBeforeReadyThenTheDaemonLeavesNoPrivateDirectory() throws Exception {
		int port = Daemons.freePort();
		// The launcher's temporary directory is the test's own, to see what is left there.
		Path temp = Files.createDirectory(this.daemons.file("tmp"));
		Process launcher = this.daemons.startBackground(List.of(Daemons.JAVA, "-Djava.io.tmpdir=" + temp, "-jar",
				this.daemons.file("app.jar").toString(), "--daemon.enabled=true", "--server.port=" + port), Map.of());
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.daemons.running().isEmpty());
		long daemon = this.daemons.running().get(0);
		launcher.destroyForcibly().waitFor();
		// Killed that soon, the daemon may have found nobody to report to and exited.
		await().atMost(Duration.ofSeconds(60)).until(() -> Daemons.get(port, "/").equals("Hello from a daemon\n")
				|| ProcInfo.hasExited(daemon));
		try (var entries = Files.list(temp)) {
			assertThat(entries.map((entry) -> entry.getFileName().toString()))
				.noneMatch((name) -> name.startsWith("boot-daemon-"));
		}
	}

	@Test
	void whenTheLauncherIsKilledOnceTheDaemonRunsThenTheDaemonServesAndLeavesNoPrivateDirectory()
			throws Exception {
		int port = Daemons.freePort();
		Path temp = Files.createDirectory(this.daemons.file("tmp"));
		Process launcher = this.daemons.startBackground(List.of(Daemons.JAVA, "-Djava.io.tmpdir=" + temp, "-jar",
				this.daemons.file("app.jar").toString(), "--daemon.enabled=true", "--server.port=" + port), Map.of());
		// Its output file exists once it has attached, before it is ready.
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(this.daemons.file("sample-app.out"))
				&& Files.readString(this.daemons.file("sample-app.out")).contains("Running as daemon"));
		launcher.destroyForcibly().waitFor();
		await().atMost(Duration.ofSeconds(60)).until(() -> Daemons.get(port, "/").equals("Hello from a daemon\n"));
		try (var entries = Files.list(temp)) {
			assertThat(entries.map((entry) -> entry.getFileName().toString()))
				.noneMatch((name) -> name.startsWith("boot-daemon-"));
		}
	}

	private void assertFailed(Launch launch, String headline) {
		assertThat(launch.exitCode()).as("exit code; stdout: %s", launch.stdout()).isEqualTo(1);
		assertThat(launch.stdout()).doesNotContain("started as daemon");
		assertThat(launch.stderr()).startsWith(headline);
		Matcher pid = DAEMON_PID.matcher(launch.stderr());
		assertThat(pid.find()).as("daemon pid in %s", launch.stderr()).isTrue();
		assertThat(ProcInfo.hasExited(Long.parseLong(pid.group(1)))).as("daemon exited").isTrue();
		assertThat(this.daemons.file("sample-app.pid")).doesNotExist();
	}

}
