package dev.bootdaemon.sample;

import java.io.IOException;
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
 * A worker that is not the sample app's shape (see {@code WorkerApplication}): no web
 * server, no application name, a {@code main()} that drops its arguments, a runner that
 * never ends.
 */
class WorkerIT {

	@RegisterExtension
	final Daemons daemons = new Daemons();

	@Test
	void whenMainDropsItsArgumentsThenControlCommandsStillWorkAndNeverStartTheApplication() {
		Launch status = this.daemons.launchWorker("--daemon.command=status");
		assertThat(status.exitCode()).as("LSB: not running").isEqualTo(3);
		assertThat(status.stdout()).isEqualTo("WorkerApplication is not running\n");
		Launch stop = this.daemons.launchWorker("--daemon.command=stop");
		assertThat(stop.exitCode()).isZero();
		assertThat(stop.stdout() + stop.stderr()).isEqualTo("WorkerApplication is not running\n")
			.doesNotContain("Worker started working");
	}

	@Test
	void whenTheApplicationIsAContextHierarchyThenItsFirstContextIsTheDaemonAndTheChildRunsInIt() {
		Launch run = this.daemons
			.run(List.of(Daemons.JAVA, "-cp", Daemons.WORKER_CLASSPATH, "dev.bootdaemon.sample.worker.HierarchyApplication",
					"--daemon.enabled=true"), Map.of())
			.assertStarted();
		assertThat(run.stdout()).startsWith("HierarchyApplication started as daemon: pid " + run.pid());
		// The child context's run leaves daemon mode to the parent's: no second attach.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.daemons.file("HierarchyApplication.out")).content()
				.contains("Worker started working"));
		assertThat(this.daemons.file("HierarchyApplication.out")).content().doesNotContain("Exception");
		assertThat(ProcInfo.hasExited(run.pid())).isFalse();
		assertThat(this.daemons.file("HierarchyApplication.pid")).hasContent(run.pid() + "\n");
	}

	@Test
	void whenReadyOnStartedThenAWorkerWhoseRunnerNeverEndsDetachesNamedAfterItsMainClass() throws IOException {
		Launch run = this.daemons.launchWorker("--daemon.enabled=true", "--daemon.ready-on=started").assertStarted();
		assertThat(run.stdout()).startsWith("WorkerApplication started as daemon: pid " + run.pid() + ", pidfile "
				+ this.daemons.file("WorkerApplication.pid"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.daemons.file("WorkerApplication.out")).content()
				.contains("Worker started working"));
		Launch status = this.daemons.launchWorker("--daemon.command=status");
		assertThat(status.stdout()).startsWith("WorkerApplication is running: pid " + run.pid());
		// Another application without a name, in the same directory, has its own files.
		int port = Daemons.freePort();
		Launch other = this.daemons.launch("--daemon.enabled=true", "--spring.application.name=",
				"--server.port=" + port)
			.assertStarted();
		assertThat(other.stdout()).startsWith("app started as daemon: pid " + other.pid() + ", pidfile "
				+ this.daemons.file("app.pid"));
		// Pointed at the worker's pidfile, the jar's stop refuses to touch the worker.
		Launch wrongStop = this.daemons.launch("--daemon.command=stop", "--daemon.pid-file=WorkerApplication.pid");
		assertThat(wrongStop.exitCode()).isEqualTo(1);
		assertThat(wrongStop.stderr()).contains("belongs to pid " + run.pid() + ", which runs "
				+ Daemons.WORKER + ", not " + this.daemons.file("app.jar"));
		assertThat(ProcInfo.hasExited(run.pid())).isFalse();
		Launch stop = this.daemons.launchWorker("--daemon.command=stop");
		assertThat(stop.stdout()).isEqualTo("WorkerApplication stopped (pid " + run.pid() + ")\n");
		assertThat(this.daemons.file("WorkerApplication.pid")).doesNotExist();
		assertThat(this.daemons.launch("--daemon.command=stop", "--spring.application.name=").stdout())
			.isEqualTo("app stopped (pid " + other.pid() + ")\n");
	}

	@Test
	void whenReadinessWaitsForARunnerThatNeverEndsThenTheTimeoutSaysSoAndNamesReadyOn() {
		Launch run = this.daemons.launchWorker("--daemon.enabled=true", "--daemon.startup-timeout=8s");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr()).contains("WorkerApplication was not ready within 8s (daemon.startup-timeout)")
			.contains("CommandLineRunner or ApplicationRunner beans were still running")
			.contains("daemon.ready-on=started");
		assertThat(this.daemons.running()).isEmpty();
		assertThat(this.daemons.file("WorkerApplication.pid")).doesNotExist();
	}

	@Test
	void whenMainAsksForDaemonModeItselfThenTheRunListenerStartsTheDaemonEarly() throws IOException {
		List<String> command = new ArrayList<>(List.of(Daemons.JAVA));
		command.addAll(this.daemons.classLoadLogging());
		command.addAll(List.of("-cp", Daemons.WORKER_CLASSPATH, "dev.bootdaemon.sample.worker.FlagInMainApplication"));
		Launch run = this.daemons.run(command, Map.of()).assertStarted();
		assertThat(run.stdout()).startsWith("FlagInMainApplication started as daemon: pid " + run.pid());
		assertThat(ProcInfo.of(run.pid()).commandLine()).contains("-Dboot-daemon.early-start=true");
		// Not from SpringApplication's constructor, which sees only the JVM's command line.
		assertThat(this.daemons.classesLoadedBy(run.launcherPid())).contains("dev.bootdaemon.entry.DaemonRunListener ")
			.doesNotContain("dev.bootdaemon.entry.DaemonRunListener$ConfigurationLoaded");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.daemons.file("FlagInMainApplication.out")).content()
				.contains("Worker started working"));
	}

}
