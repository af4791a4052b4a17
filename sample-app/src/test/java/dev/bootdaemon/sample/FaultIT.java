package dev.bootdaemon.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What goes wrong in production, done to the real daemon: a terminal hangup, racing
 * starts, crashes and stops in a row, hostile paths and a vanished output directory.
 * Each test prints its figure.
 */
class FaultIT {

	private static final int CYCLES = Integer.getInteger("fault.cycles", 50);

	private static final int RACERS = 20;

	private static final List<String> LIGHT = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto");

	@RegisterExtension
	final Daemons daemons = new Daemons();

	private final int port = Daemons.freePort();

	@Test
	void whenTheTerminalHangsUpThenTheDaemonKeepsServing() throws Exception {
		Launch hangup = this.daemons.run(List.of("python3",
				Path.of("src/test/resources/hangup.py").toAbsolutePath().toString(),
				"'" + Daemons.JAVA + "' -jar app.jar --daemon.enabled=true --server.port=" + this.port), Map.of());
		assertThat(hangup.stdout()).contains("LAUNCHER_EXIT=0").contains("HUNG_UP");
		long pid = hangup.pid();
		assertThat(pid).isPositive();
		Thread.sleep(1000);
		assertThat(ProcessHandle.of(pid)).as("daemon after hangup").isPresent();
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");
		System.out.println("hangup: daemon pid " + pid + " alive and serving after its terminal hung up");
	}

	@Test
	void whenManyStartAtOnceThenExactlyOneRuns() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(RACERS);
		List<Future<Launch>> launches = new ArrayList<>();
		for (int i = 0; i < RACERS; i++) {
			int racerPort = Daemons.freePort();
			// Forty JVMs on a small machine: the winner needs more than the usual minute.
			launches.add(pool.submit(() -> this.daemons.launch(LIGHT, "--daemon.enabled=true",
					"--server.port=" + racerPort, "--daemon.startup-timeout=5m", "--spring.main.lazy-initialization=true")));
		}
		List<Launch> started = new ArrayList<>();
		List<Launch> refused = new ArrayList<>();
		for (Future<Launch> launch : launches) {
			Launch done = launch.get();
			(done.exitCode() == 0 ? started : refused).add(done);
		}
		pool.shutdown();
		assertThat(started).hasSize(1);
		long survivor = started.get(0).pid();
		assertThat(refused).hasSize(RACERS - 1)
			.allSatisfy((launch) -> assertThat(launch.exitCode()).isEqualTo(1))
			.allSatisfy((launch) -> assertThat(launch.stderr()).contains("already running as pid " + survivor));
		assertThat(this.daemons.file("sample-app.pid")).hasContent(survivor + "\n");
		assertThat(this.daemons.running()).containsExactly(survivor);
		System.out.println("race: " + RACERS + " concurrent starts, 1 daemon (pid " + survivor + "), "
				+ refused.size() + " clear refusals");
	}

	@Test
	void whenKilledOverAndOverThenEveryStartTakesOverTheStalePidFile() throws Exception {
		Path pidFile = this.daemons.file("sample-app.pid");
		for (int cycle = 1; cycle <= CYCLES; cycle++) {
			long pid = startLight().pid();
			assertThat(pidFile).hasContent(pid + "\n");
			ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
			daemon.destroyForcibly();
			daemon.onExit().get();
			assertThat(pidFile).as("left behind by kill -9, cycle %d", cycle).exists();
		}
		assertThat(Files.readString(this.daemons.file("sample-app.out")).split("Taking over stale pidfile", -1))
			.hasSize(CYCLES);
		System.out.println("crash recovery: " + CYCLES + " cycles of start and kill -9, " + (CYCLES - 1)
				+ " stale pidfiles taken over");
	}

	@Test
	void whenADaemonDoesNotAnswerSigtermThenStopKillsItAndLeavesNoPidFile() throws Exception {
		Path pidFile = this.daemons.file("sample-app.pid");
		for (int cycle = 1; cycle <= CYCLES; cycle++) {
			long pid = startLight().pid();
			Daemons.signal("STOP", pid);
			Launch stop = this.daemons.launch("--daemon.command=stop", "--daemon.stop-timeout=500ms");
			assertThat(stop.exitCode()).as("cycle %d: %s", cycle, stop.stderr()).isZero();
			assertThat(stop.stdout()).isEqualTo("sample-app killed with SIGKILL after 500ms (pid " + pid + ")\n");
			assertThat(pidFile).as("left behind, cycle %d", cycle).doesNotExist();
		}
		System.out.println("stop of a stopped daemon: " + CYCLES + " cycles of SIGSTOP and stop, 0 pidfiles left");
	}

	@Test
	void whenThePidFileIsRemovedWhileTheDaemonRunsThenItIsWrittenAgainAndStillRefusesASecondStart()
			throws Exception {
		Path pidFile = this.daemons.file("sample-app.pid");
		long pid = startLight().pid();
		Files.delete(pidFile);
		long removed = System.nanoTime();
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(pidFile));
		long seconds = Duration.ofNanos(System.nanoTime() - removed).toSeconds();
		assertThat(pidFile).hasContent(pid + "\n");
		Launch second = this.daemons.launch("--daemon.enabled=true", "--server.port=" + Daemons.freePort());
		assertThat(second.exitCode()).isEqualTo(1);
		assertThat(second.stderr()).contains("already running as pid " + pid);
		assertThat(this.daemons.file("sample-app.out")).content()
			.contains("Pidfile " + pidFile + " was removed while the daemon runs; wrote it again (pid " + pid + ")");
		System.out.println("removed pidfile: written again within " + seconds + " s, second start refused");
	}

	@Test
	void whenStoppedOverAndOverThenEachStopIsClean() throws Exception {
		Path pidFile = this.daemons.file("sample-app.pid");
		for (int cycle = 1; cycle <= CYCLES; cycle++) {
			long pid = startLight().pid();
			ProcessHandle.of(pid).orElseThrow().destroy();
			await().atMost(Duration.ofSeconds(30)).until(() -> ProcInfo.hasExited(pid));
			assertThat(pidFile).as("cycle %d", cycle).doesNotExist();
			assertThat(this.daemons.running()).as("cycle %d", cycle).isEmpty();
		}
		assertThat(Files.readString(this.daemons.file("sample-app.out"))).doesNotContain("stale pidfile");
		System.out.println("graceful stop: " + CYCLES + " cycles of start and SIGTERM, pidfile removed each time");
	}

	@Test
	void whenPathsHoldSpacesAndNonAsciiThenTheyWork() throws IOException {
		Path directory = Files.createDirectory(this.daemons.file("my daemon ünïcødé"));
		Launch launch = this.daemons
			.launch("--daemon.enabled=true", "--server.port=" + this.port, "--daemon.pid-file=my daemon ünïcødé/app é.pid",
					"--daemon.output-file=my daemon ünïcødé/app é.out")
			.assertStarted();
		assertThat(launch.stdout()).contains("pidfile " + directory.resolve("app é.pid"))
			.contains("output " + directory.resolve("app é.out"));
		assertThat(directory.resolve("app é.pid")).hasContent(launch.pid() + "\n");
		assertThat(ProcInfo.of(launch.pid()).fd(1)).isEqualTo(directory.resolve("app é.out"));
	}

	@Test
	void whenThePidFileDirectoryIsWorldWritableWithoutStickyBitThenItIsRefused() throws IOException {
		Path open = Files.createDirectory(this.daemons.file("open"));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
		Launch launch = this.daemons.launch("--daemon.enabled=true", "--daemon.pid-file=open/app.pid");
		assertThat(launch.exitCode()).isEqualTo(1);
		assertThat(launch.stderr()).contains("Invalid value '" + open.resolve("app.pid") + "' for property 'daemon.pid-file'")
			.contains("world-writable");
		assertThat(open.resolve("app.pid")).doesNotExist();
	}

	@Test
	void whenTheOutputDirectoryVanishesThenTheDaemonKeepsRunning() throws Exception {
		Path logs = Files.createDirectory(this.daemons.file("logs"));
		long pid = this.daemons
			.launch("--daemon.enabled=true", "--server.port=" + this.port, "--daemon.output-file=logs/app.out")
			.assertStarted()
			.pid();
		Files.delete(logs.resolve("app.out"));
		Files.delete(logs);
		new ProcessBuilder("kill", "-HUP", String.valueOf(pid)).start().waitFor();
		Thread.sleep(500);
		assertThat(ProcessHandle.of(pid)).isPresent();
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");
		assertThat(ProcInfo.of(pid).fd(1).toString()).endsWith("app.out (deleted)");
	}

	// The cheapest start of the real daemon: a cycle test runs fifty of them.
	private Launch startLight() {
		return this.daemons
			.launch(LIGHT, "--daemon.enabled=true",
					"--server.port=" + this.port, "--spring.main.lazy-initialization=true")
			.assertStarted();
	}

}
