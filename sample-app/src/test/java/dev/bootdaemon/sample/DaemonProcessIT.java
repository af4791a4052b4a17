package dev.bootdaemon.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real sample jar started as a daemon, checked through {@code /proc}.
 */
class DaemonProcessIT {

	@RegisterExtension
	final Daemons daemons = new Daemons();

	private final int port = Daemons.freePort();

	@Test
	void whenStartedThenItRunsDetachedAsAClassicDaemon() throws Exception {
		Path inherited = Files.writeString(this.daemons.file("inherited-by-launcher.txt"), "fd 7 of the launcher");
		List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
				"exec 7<inherited-by-launcher.txt; exec \"$@\"", "sh", Daemons.JAVA, "-Xmx96m", "-Xlog:gc:stderr",
				"-jar", "app.jar", "--daemon.enabled=true", "--server.port=" + this.port));
		Launch launch = this.daemons.run(command, Map.of()).assertStarted();
		long pid = launch.pid();
		Path pidFile = this.daemons.file("sample-app.pid");
		Path outputFile = this.daemons.file("sample-app.out");
		assertThat(launch.stdout().strip()).isEqualTo("sample-app started as daemon: pid " + pid + ", pidfile "
				+ pidFile + ", output " + outputFile);
		assertThat(launch.stderr()).doesNotContain("Exception");
		// Ready means ready: the application has started before the launcher returns.
		assertThat(Files.readString(outputFile)).contains("Started SampleApplication");
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");

		ProcInfo daemon = ProcInfo.of(pid);
		ProcInfo test = ProcInfo.of(ProcessHandle.current().pid());
		assertThat(daemon.session()).as("own session, not its leader").isNotEqualTo(pid).isNotEqualTo(test.session());
		assertThat(daemon.pgrp()).isNotEqualTo(test.pgrp()).isNotEqualTo(pid);
		assertThat(daemon.ttyNr()).as("tty_nr").isZero();
		assertThat(daemon.ppid()).as("parent").isNotEqualTo(launch.launcherPid());
		assertThat(ProcessHandle.of(launch.launcherPid())).isEmpty();
		// The session leader was the intermediate process: gone, not a zombie.
		assertThat(Path.of("/proc/" + daemon.session())).doesNotExist();
		assertThat(daemon.cwd()).isEqualTo(Path.of("/"));
		assertThat(daemon.umask()).isEqualTo("0022");
		assertThat(daemon.fd(0)).isEqualTo(Path.of("/dev/null"));
		assertThat(daemon.fd(1)).isEqualTo(outputFile);
		assertThat(daemon.fd(2)).isEqualTo(outputFile);
		assertThat(daemon.fdTargets()).noneMatch((target) -> target.contains(inherited.toString()))
			.noneMatch((target) -> target.contains("boot-daemon-"));
		// Asked for on the command line: started before the launcher read any configuration.
		assertThat(daemon.commandLine()).contains("-Dboot-daemon.early-start=true");
		assertThat(daemon.commandLine()).contains("-Xmx96m", "-Xlog:gc:stderr", "--daemon.enabled=true",
				"--server.port=" + this.port, this.daemons.file("app.jar").toString());
		// Native JVM output on fd 2 and fd 1 lands in the output file too.
		assertThat(Files.readString(outputFile)).contains("[info][gc] Using");
		new ProcessBuilder("kill", "-QUIT", String.valueOf(pid)).start().waitFor();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Files.readString(outputFile)).contains("Full thread dump"));

		assertThat(pidFile).hasContent(pid + "\n");
		assertThat(mode(pidFile)).isEqualTo("rw-r--r--");
		assertThat(mode(outputFile)).isEqualTo("rw-r-----");
		try (var files = Files.list(this.daemons.directory())) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("app.jar",
					"inherited-by-launcher.txt", "sample-app.pid", "sample-app.out");
		}
	}

	@Test
	void whenTerminatedThenItShutsDownGracefullyAndRemovesThePidFile() throws Exception {
		long pid = this.daemons.launch("--daemon.enabled=true", "--server.port=" + this.port).assertStarted().pid();
		ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
		daemon.destroy();
		await().atMost(Duration.ofSeconds(30)).until(() -> !daemon.isAlive());
		assertThat(this.daemons.file("sample-app.pid")).doesNotExist();
		assertThat(Files.readString(this.daemons.file("sample-app.out"))).contains("Graceful shutdown complete");
	}

	@Test
	void whenShutDownThroughActuatorThenThePidFileIsRemoved() throws Exception {
		long pid = this.daemons
			.launch("--daemon.enabled=true", "--server.port=" + this.port,
					"--management.endpoints.web.exposure.include=shutdown",
					"--management.endpoint.shutdown.access=unrestricted")
			.assertStarted()
			.pid();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/shutdown"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> ProcInfo.hasExited(pid));
		assertThat(this.daemons.file("sample-app.pid")).doesNotExist();
	}

	@Test
	void whenOutputIsNoneThenDescriptorsGoToDevNullAndNoFileIsWritten() {
		Launch launch = this.daemons
			.launch("--daemon.enabled=true", "--server.port=" + this.port, "--daemon.output=none", "--daemon.umask=0")
			.assertStarted();
		assertThat(launch.stdout()).contains(", output discarded");
		ProcInfo daemon = ProcInfo.of(launch.pid());
		assertThat(daemon.fd(1)).isEqualTo(Path.of("/dev/null"));
		assertThat(daemon.fd(2)).isEqualTo(Path.of("/dev/null"));
		assertThat(daemon.umask()).isEqualTo("0000");
		assertThat(this.daemons.file("sample-app.out")).doesNotExist();
	}

	@Test
	void whenWorkingDirectoryAndFilesAreSetThenTheyAreUsed() throws IOException {
		Path logs = Files.createDirectory(this.daemons.file("logs"));
		Launch launch = this.daemons
			.launch("--daemon.enabled=true", "--server.port=" + this.port, "--daemon.working-directory=logs",
					"--daemon.output-file=logs/app.log", "--daemon.pid-file=logs/app.pid", "--daemon.umask=027")
			.assertStarted();
		ProcInfo daemon = ProcInfo.of(launch.pid());
		assertThat(daemon.cwd()).isEqualTo(logs);
		assertThat(daemon.umask()).isEqualTo("0027");
		assertThat(daemon.fd(1)).isEqualTo(logs.resolve("app.log"));
		assertThat(logs.resolve("app.pid")).hasContent(launch.pid() + "\n");
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
