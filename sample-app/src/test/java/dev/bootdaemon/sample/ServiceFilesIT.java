package dev.bootdaemon.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service files the starter writes, checked by the real tools: a systemd unit by
 * {@code systemd-analyze verify} (no running systemd needed), and a logrotate stanza by
 * {@code logrotate} rotating a running daemon's output.
 */
class ServiceFilesIT {

	@RegisterExtension
	final Daemons daemons = new Daemons();

	@Test
	void whenAUnitIsWrittenThenSystemdAcceptsItAndNothingWasStarted() throws Exception {
		Launch unit = this.daemons.launch(List.of("-Xmx256m", "-Dsample.motto=100% up"),
				"--daemon.command=systemd-unit", "--daemon.pid-file=/run/sample/app.pid", "--daemon.user=bootdaemon",
				"--daemon.watchdog=30s", "--server.port=8080");
		assertThat(unit.exitCode()).as(unit.stderr()).isZero();
		assertThat(unit.stdout()).contains("\nExecStart=" + Daemons.JAVA + " -Xmx256m \"-Dsample.motto=100%% up\" -jar "
				+ this.daemons.file("app.jar") + " --daemon.pid-file=/run/sample/app.pid "
				+ "--daemon.watchdog=30s --server.port=8080 --daemon.enabled=true\n")
			.contains("\nUser=bootdaemon\n", "\nRuntimeDirectory=sample\n", "\nWatchdogSec=30s\n");
		Path file = Files.writeString(this.daemons.file("sample.service"), unit.stdout());
		Process verify = new ProcessBuilder("systemd-analyze", "verify", file.toString()).redirectErrorStream(true)
			.start();
		String said = new String(verify.getInputStream().readAllBytes());
		assertThat(verify.waitFor()).as(said).isZero();
		try (var files = Files.list(this.daemons.directory())) {
			assertThat(files.map((path) -> path.getFileName().toString())).containsExactlyInAnyOrder("app.jar",
					"sample.service");
		}
	}

	@Test
	void whenLogrotateRotatesWithTheStanzaThenTheDaemonWritesToANewFile() throws Exception {
		int port = Daemons.freePort();
		this.daemons.launch("--daemon.enabled=true", "--server.port=" + port).assertStarted();
		Daemons.get(port, "/say?text=before-rotation");
		Launch stanza = this.daemons.launch("--daemon.command=logrotate");
		assertThat(stanza.exitCode()).as(stanza.stderr()).isZero();
		Path conf = Files.writeString(this.daemons.file("logrotate.conf"), stanza.stdout());
		Path state = this.daemons.file("logrotate.state");
		String debug = logrotate("--debug", "-s", state.toString(), conf.toString());
		assertThat(debug).contains("rotating pattern: " + this.daemons.file("sample-app.out"));
		logrotate("--force", "-s", state.toString(), conf.toString());
		Path rotated = this.daemons.file("sample-app.out.1");
		assertThat(rotated).content().contains("before-rotation");
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(this.daemons.file("sample-app.out")));
		Daemons.get(port, "/say?text=after-rotation");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.daemons.file("sample-app.out")).content().contains("after-rotation"));
		assertThat(rotated).content().doesNotContain("after-rotation");
	}

	private String logrotate(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("logrotate"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String said = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(said).isZero();
		return said;
	}

}
