package dev.bootdaemon.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Under a service manager: systemd's notification protocol with a stand-in for its
 * socket, no fork, and dropping root for a port below 1024.
 */
class ServiceManagerIT {

	@RegisterExtension
	final Daemons daemons = new Daemons();

	@Test
	void whenNotifySocketIsSetThenItRunsInTheForegroundAndNotifiesSystemd() throws Exception {
		Path log = this.daemons.file("notify.log");
		String socket = "@boot-daemon-it-" + ProcessHandle.current().pid();
		Process systemd = this.daemons.startBackground(List.of("python3",
				Path.of("src/test/resources/notify-socket.py").toAbsolutePath().toString(), socket, log.toString()),
				Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log) && Files.readString(log).contains("LISTENING"));
		int port = Daemons.freePort();
		// As systemd starts a service: every signal at its default, whatever this test's
		// own process ignores (SIGHUP under nohup), or the JVM would install no handler.
		Process service = this.daemons.startBackground(
				List.of("env", "--default-signal", Daemons.JAVA, "-jar", this.daemons.file("app.jar").toString(),
						"--daemon.enabled=true", "--server.port=" + port),
				Map.of("NOTIFY_SOCKET", socket, "WATCHDOG_USEC", "1000000"));
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("READY=1"));
		String running = "sample-app running as daemon, pid " + service.pid() + ", port " + port;
		// In order: starting (with the start timeout extended meanwhile), then ready.
		List<String> start = Files.readAllLines(log);
		int ready = start.indexOf("READY=1|MAINPID=" + service.pid() + "|STATUS=" + running);
		assertThat(ready).isPositive();
		assertThat(start.get(1)).isEqualTo("STATUS=sample-app starting, pid " + service.pid());
		assertThat(start.subList(2, ready)).isNotEmpty().allMatch("EXTEND_TIMEOUT_USEC=5000000"::equals);
		// No fork: the process the service manager started is the daemon.
		assertThat(service.isAlive()).isTrue();
		assertThat(this.daemons.file("sample-app.pid")).hasContent(service.pid() + "\n");
		// Its output stays with the service manager (here the log the test gave it).
		assertThat(ProcInfo.of(service.pid()).fd(1)).isEqualTo(this.daemons.file("background-1.log"));
		assertThat(this.daemons.file("background-1.log")).content().contains("Started SampleApplication");
		assertThat(this.daemons.file("sample-app.out")).doesNotExist();
		assertThat(Daemons.get(port, "/actuator/info")).contains("\"mode\":\"foreground\"");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.readString(log).lines().filter("WATCHDOG=1"::equals).count() >= 3);
		// Type=notify-reload: SIGHUP reopens the output between RELOADING=1 and READY=1.
		Daemons.signal("HUP", service.pid());
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains("READY=1|STATUS=" + running));
		assertThat(Files.readString(log)).containsPattern("RELOADING=1\\|MONOTONIC_USEC=\\d+\\|STATUS=Reopening output\n"
				+ "(WATCHDOG=1\n)*READY=1\\|STATUS=" + running);
		assertThat(service.isAlive()).isTrue();
		service.destroy();
		assertThat(service.onExit().get().isAlive()).isFalse();
		assertThat(Files.readString(log)).contains("STOPPING=1|STATUS=sample-app stopping");
		assertThat(this.daemons.file("sample-app.pid")).doesNotExist();
		systemd.destroy();
	}

	@Test
	void whenDetachIsNeverThenThePidFileAndOutputStillApply() throws Exception {
		int port = Daemons.freePort();
		Process service = this.daemons.startBackground(List.of(Daemons.JAVA, "-jar",
				this.daemons.file("app.jar").toString(), "--daemon.enabled=true", "--daemon.detach=never",
				"--daemon.output=file", "--daemon.umask=077", "--server.port=" + port), Map.of());
		await().atMost(Duration.ofSeconds(60)).until(() -> Daemons.get(port, "/").equals("Hello from a daemon\n"));
		assertThat(this.daemons.file("sample-app.pid")).hasContent(service.pid() + "\n");
		assertThat(ProcInfo.of(service.pid()).umask()).isEqualTo("0077");
		assertThat(Files.readString(this.daemons.file("sample-app.out"))).contains("Started SampleApplication");
	}

	@Test
	void whenStartedAsRootWithAUserThenItDropsRootAfterBindingAPrivilegedPort() throws Exception {
		assertThat(ProcInfo.of(ProcessHandle.current().pid()).status("Uid:")).as("tests run as root")
			.startsWith("0\t");
		int port = 80 + (int) (ProcessHandle.current().pid() % 900);
		long pid = this.daemons.launch("--daemon.enabled=true", "--server.port=" + port, "--daemon.user=bootdaemon")
			.assertStarted()
			.pid();
		ProcInfo daemon = ProcInfo.of(pid);
		String uid = daemon.status("Uid:");
		assertThat(uid).doesNotStartWith("0").matches("(\\d+)\\s+\\1\\s+\\1\\s+\\1");
		assertThat(daemon.status("Gid:")).doesNotStartWith("0");
		assertThat(Daemons.get(port, "/")).isEqualTo("Hello from a daemon\n");
		assertThat(Daemons.get(port, "/actuator/info")).contains("\"user\":\"bootdaemon\"");
		assertThat(Files.getOwner(this.daemons.file("sample-app.pid")).getName()).isEqualTo("bootdaemon");
		// Root is dropped once the web server has bound, before the rest of the start.
		List<String> log = Files.readAllLines(this.daemons.file("sample-app.out"));
		int bound = indexOf(log, "Tomcat started on port " + port);
		int switched = indexOf(log, "Switched to user bootdaemon");
		assertThat(switched).isGreaterThan(bound).isLessThan(indexOf(log, "Started SampleApplication"));
	}

	private static int indexOf(List<String> lines, String text) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i;
			}
		}
		throw new AssertionError("no line with " + text + " in " + lines);
	}

	@Test
	void whenTheUserIsUnknownThenTheLauncherRefuses() {
		Daemons.Launch launch = this.daemons.launch("--daemon.enabled=true", "--daemon.user=no-such-user-here");
		assertThat(launch.exitCode()).isEqualTo(1);
		assertThat(launch.stderr().strip()).isEqualTo("sample-app cannot start as a daemon: "
				+ "Invalid value 'no-such-user-here' for property 'daemon.user': no such user");
	}

}
