package dev.bootdaemon.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code daemon.command} status, stop and restart, and the signals a running daemon
 * answers, on the real sample jar.
 */
class OperationsIT {

	@RegisterExtension
	final Daemons daemons = new Daemons();

	private final int port = Daemons.freePort();

	@Test
	void whenAskedForStatusThenEachStateHasItsLsbCode() throws Exception {
		Launch notRunning = command("status");
		assertThat(notRunning.exitCode()).isEqualTo(3);
		assertThat(notRunning.stdout().strip()).isEqualTo("sample-app is not running");

		long pid = start().pid();
		Launch running = command("status");
		assertThat(running.exitCode()).isZero();
		assertThat(running.stdout()).startsWith("sample-app is running: pid " + pid + ", up ");

		ProcessHandle.of(pid).orElseThrow().destroyForcibly();
		await().atMost(Duration.ofSeconds(10)).until(() -> ProcInfo.hasExited(pid));
		Launch dead = command("status");
		assertThat(dead.exitCode()).isEqualTo(1);
		assertThat(dead.stdout()).contains("is not running, but its pidfile").contains("(pid " + pid + ")");

		Path pidFile = this.daemons.file("sample-app.pid");
		Files.delete(pidFile);
		Files.createSymbolicLink(pidFile, this.daemons.file("app.jar"));
		Launch unknown = command("status");
		assertThat(unknown.exitCode()).isEqualTo(4);
		assertThat(unknown.stderr()).contains("status unknown").contains("symbolic link");
	}

	@Test
	void whenStoppedThenTheDaemonExitsAndItsPidFileIsGone() {
		long pid = start().pid();
		Launch stop = command("stop");
		assertThat(stop.exitCode()).isZero();
		assertThat(stop.stdout().strip()).isEqualTo("sample-app stopped (pid " + pid + ")");
		assertThat(ProcInfo.hasExited(pid)).as("daemon exited").isTrue();
		assertThat(this.daemons.file("sample-app.pid")).doesNotExist();
		Launch again = command("stop");
		assertThat(again.exitCode()).isZero();
		assertThat(again.stdout().strip()).isEqualTo("sample-app is not running");
	}

	@Test
	void whenThePidFileIsStaleThenStopRemovesIt() throws IOException {
		Process gone = new ProcessBuilder("true").start();
		Files.writeString(this.daemons.file("sample-app.pid"), gone.pid() + "\n");
		gone.onExit().join();
		Launch stop = command("stop");
		assertThat(stop.exitCode()).isZero();
		assertThat(stop.stdout()).contains("removed stale pidfile");
		assertThat(this.daemons.file("sample-app.pid")).doesNotExist();
	}

	@Test
	void whenThePidFileNamesARecycledPidThenThatProcessIsNotKilled() throws IOException {
		Process stranger = new ProcessBuilder("sleep", "300").start();
		try {
			Files.writeString(this.daemons.file("sample-app.pid"), stranger.pid() + "\n");
			Launch stop = command("stop");
			assertThat(stop.exitCode()).isZero();
			assertThat(stop.stdout()).contains("is not running");
			assertThat(stranger.isAlive()).isTrue();
		}
		finally {
			stranger.destroyForcibly();
		}
	}

	@Test
	void whenRestartedThenANewDaemonServes() throws Exception {
		long first = start().pid();
		Launch restart = command("restart", "--server.port=" + this.port);
		assertThat(restart.exitCode()).as(restart.stderr()).isZero();
		assertThat(restart.stdout()).contains("sample-app stopped (pid " + first + ")");
		long second = restart.pid();
		assertThat(second).isPositive().isNotEqualTo(first);
		assertThat(ProcInfo.hasExited(first)).as("first daemon exited").isTrue();
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");
		assertThat(this.daemons.file("sample-app.pid")).hasContent(second + "\n");
	}

	@Test
	void whenANewVersionOfTheJarIsRestartedThenItReplacesTheOldOne() throws Exception {
		Files.copy(this.daemons.file("app.jar"), this.daemons.file("shop-1.0.0.jar"));
		Files.copy(this.daemons.file("app.jar"), this.daemons.file("shop-1.0.1-SNAPSHOT.jar"));
		Launch old = this.daemons.run(List.of(Daemons.JAVA, "-jar", "shop-1.0.0.jar", "--daemon.enabled=true",
				"--server.port=" + this.port), Map.of())
			.assertStarted();
		Launch restart = this.daemons.run(List.of(Daemons.JAVA, "-jar", "shop-1.0.1-SNAPSHOT.jar",
				"--daemon.command=restart", "--server.port=" + this.port), Map.of());
		assertThat(restart.exitCode()).as(restart.stderr()).isZero();
		assertThat(restart.stdout()).startsWith("sample-app stopped (pid " + old.pid() + ")\n")
			.contains("sample-app started as daemon: pid " + restart.pid());
		assertThat(ProcInfo.hasExited(old.pid())).isTrue();
		assertThat(ProcInfo.of(restart.pid()).commandLine()).contains(this.daemons.file("shop-1.0.1-SNAPSHOT.jar")
			.toString());
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");
	}

	@Test
	void whenStartedFromOneDirectoryThenStatusRestartAndStopFromAnotherFindIt() throws Exception {
		Path elsewhere = Files.createDirectory(this.daemons.file("elsewhere"));
		String jar = this.daemons.file("app.jar").toString();
		long first = start().pid();
		Launch status = this.daemons.runIn(elsewhere, List.of(Daemons.JAVA, "-jar", jar, "--daemon.command=status"),
				Map.of());
		assertThat(status.exitCode()).isZero();
		assertThat(status.stdout()).startsWith("sample-app is running: pid " + first + ", up ")
			.contains("pidfile " + this.daemons.file("sample-app.pid"));
		Launch restart = this.daemons.runIn(elsewhere, List.of(Daemons.JAVA, "-jar", jar, "--daemon.command=restart",
				"--server.port=" + this.port), Map.of());
		assertThat(restart.stdout()).startsWith("sample-app stopped (pid " + first + ")\n")
			.contains("pidfile " + elsewhere.resolve("sample-app.pid"));
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");
		Launch stop = command("stop");
		assertThat(stop.stdout()).isEqualTo("sample-app stopped (pid " + restart.pid() + ")\n");
		assertThat(this.daemons.running()).isEmpty();
		assertThat(elsewhere.resolve("sample-app.pid")).doesNotExist();
	}

	@Test
	void whenHangupOrUsr1ArriveThenTheOutputFileIsReopenedAndTheDaemonLives() throws Exception {
		long pid = start().pid();
		Path output = this.daemons.file("sample-app.out");
		Path rotated = Files.move(output, this.daemons.file("sample-app.out.1"));
		Daemons.signal("HUP", pid);
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(output));
		assertThat(ProcInfo.of(pid).fd(1)).isEqualTo(output);
		assertThat(ProcInfo.of(pid).fd(2)).isEqualTo(output);
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");
		Daemons.signal("USR1", pid);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Files.readString(output)).contains("Reopened output " + output + " on SIGHUP")
				.contains("on SIGUSR1"));
		assertThat(Files.readString(rotated)).doesNotContain("Reopened output");
		assertThat(ProcessHandle.of(pid)).isPresent();
	}

	@Test
	void whenActuatorInfoIsAskedThenItShowsTheDaemon() throws Exception {
		Launch launch = start();
		assertThat(Daemons.get(this.port, "/actuator/info")).contains("\"daemon\":{\"mode\":\"detached\",\"pid\":" + launch.pid())
			.contains("\"pidFile\":\"" + this.daemons.file("sample-app.pid") + "\"");
	}

	private Launch start() {
		return this.daemons.launch("--daemon.enabled=true", "--server.port=" + this.port).assertStarted();
	}

	private Launch command(String command, String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--daemon.command=" + command;
		System.arraycopy(args, 0, all, 1, args.length);
		return this.daemons.launch(all);
	}

}
