package dev.bootdaemon.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.pidfile.PidFileProbe;
import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code daemon.restart}: the supervisor, a shell that is the daemon's parent, starts the
 * application again after {@code kill -9}, a failed exit or a hang, and never after a
 * stop; checked through {@code /proc} on the real sample jar and on a worker that exits
 * when told ({@code RestartingApplication}).
 */
class RestartIT {

	static final String RESTARTING = "dev.bootdaemon.sample.worker.RestartingApplication";

	private static final Duration WAIT = Duration.ofSeconds(60);

	@RegisterExtension
	final Daemons daemons = new Daemons();

	@Test
	void whenKilledThenANewPidServesWhichThePidfileNamesAndStopEndsBoth() throws Exception {
		int port = Daemons.freePort();
		Launch run = startSample(port, "--daemon.restart=on-failure", "--daemon.restart-delay=200ms");
		long first = run.pid();
		ProcInfo daemon = ProcInfo.of(first);
		long supervisor = daemon.ppid();
		assertThat(run.stdout()).endsWith(", restarted on failure by supervisor pid " + supervisor + "\n");
		ProcInfo supervisorInfo = ProcInfo.of(supervisor);
		assertThat(supervisorInfo.commandLine()).endsWith("boot-daemon-supervisor",
				this.daemons.file("sample-app.pid").toString());
		// In the daemon's session, which neither leads; no terminal; its launcher gone.
		assertThat(supervisorInfo.session()).isEqualTo(daemon.session()).isNotIn(supervisor, first);
		assertThat(supervisorInfo.ttyNr()).isZero();
		assertThat(ProcInfo.hasExited(run.launcherPid())).isTrue();
		// Small, and none of the application's descriptors: /dev/null, the output, its script, its heartbeat.
		assertThat(Long.parseLong(supervisorInfo.status("VmRSS:").replace(" kB", ""))).isLessThanOrEqualTo(4096);
		assertThat(supervisorInfo.fdTargets()).allMatch((target) -> target.equals("/dev/null")
				|| target.equals(this.daemons.file("sample-app.out").toString()) || target.contains("/command")
				|| target.matches(".*/boot-daemon-supervisor\\.\\w+/heartbeat \\(deleted\\)"));

		long killed = System.nanoTime();
		Daemons.signal("KILL", first);
		long second = awaitNewDaemon("sample-app.pid", first);
		await().atMost(WAIT).until(() -> Daemons.get(port, "/").equals("Hello from a daemon\n"));
		Duration back = Duration.ofNanos(System.nanoTime() - killed);
		// Within the delay plus one start: the new JVM's own time to "Started", and a second
		// for the kill, the exec and the polls.
		Matcher started = Pattern.compile("INFO " + second + " .* Started SampleApplication in [\\d.]+ seconds "
				+ "\\(process running for ([\\d.]+)\\)").matcher(Files.readString(this.daemons.file("sample-app.out")));
		assertThat(started.find()).isTrue();
		long start = (long) (Double.parseDouble(started.group(1)) * 1000);
		assertThat(back.toMillis()).as("restart delay plus one start").isLessThan(200 + start + 1000);
		assertThat(ProcInfo.of(second).ppid()).isEqualTo(supervisor);
		assertThat(lines("sample-app.out", "restarting in"))
			.containsExactly("sample-app (pid " + first + ") killed by SIGKILL; restarting in 0.200 s");
		Launch status = this.daemons.launch("--daemon.command=status");
		assertThat(status.stdout()).startsWith("sample-app is running: pid " + second)
			.contains("supervisor pid " + supervisor + ", restarted 1 time, last: killed by SIGKILL, ");

		Launch stop = this.daemons.launch("--daemon.command=stop");
		assertThat(stop.stdout()).isEqualTo("sample-app stopped (pid " + second + ")\n");
		assertThat(ProcInfo.hasExited(supervisor)).isTrue();
		assertNothingLeft("sample-app.pid");
		assertThat(lines("sample-app.out", "restarting in")).hasSize(1);
	}

	@Test
	void whenTheApplicationExitsWithStatus1ThenItIsStartedAgain() throws Exception {
		Launch run = startRestarting("--daemon.restart=on-failure", "--daemon.restart-delay=100ms",
				"--restarting.exit-status=1", "--restarting.once=" + this.daemons.file("once"));
		long second = awaitNewDaemon("RestartingApplication.pid", run.pid());
		assertThat(lines("RestartingApplication.out", "restarting in"))
			.containsExactly(
					"RestartingApplication (pid " + run.pid() + ") exited with status 1; restarting in 0.100 s");
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(lines("RestartingApplication.out", "Started RestartingApplication"))
				.hasSize(2));
		Thread.sleep(1000);
		assertThat(ProcInfo.hasExited(second)).isFalse();
		Daemons.signal("TERM", second);
		awaitExit(supervisor(run), second);
		assertThat(lines("RestartingApplication.out", "not restarted"))
			.containsExactly("RestartingApplication (pid " + second + ") killed by SIGTERM; not restarted");
		assertNothingLeft("RestartingApplication.pid");
	}

	@Test
	void whileTheSupervisorWaitsToRestartThenStatusSaysSoASecondStartIsRefusedAndStopEndsTheWait()
			throws Exception {
		String[] args = { "--daemon.restart=on-failure", "--daemon.restart-delay=1m", "--restarting.exit-status=1" };
		Launch run = startRestarting(args);
		long supervisor = supervisor(run);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(lines("RestartingApplication.out", "restarting in")).hasSize(1));
		// The pidfile of the JVM that exited, which left it to its supervisor, unlocked.
		Path pidFile = this.daemons.file("RestartingApplication.pid");
		assertThat(pidFile).hasContent(run.pid() + "\n");
		assertThat(PidFileProbe.lockHolder(pidFile)).isEmpty();
		Launch status = this.daemons.launchMain(RESTARTING, "--daemon.command=status");
		assertThat(status.exitCode()).isZero();
		assertThat(status.stdout()).isEqualTo("RestartingApplication is restarting: its supervisor (pid " + supervisor
				+ ") waits to start it again, pidfile " + pidFile + "\n");
		Launch second = this.daemons.launchMain(RESTARTING, "--daemon.enabled=true", "--daemon.restart=on-failure");
		assertThat(second.exitCode()).isEqualTo(1);
		assertThat(second.stderr())
			.contains("already running: its supervisor (pid " + supervisor + ") waits to start it again");
		Launch stop = this.daemons.launchMain(RESTARTING, "--daemon.command=stop");
		assertThat(stop.exitCode()).isZero();
		assertThat(stop.stdout()).isEqualTo(
				"RestartingApplication is not running; stopped its supervisor, which waited to start it again\n");
		assertNothingLeft("RestartingApplication.pid");
	}

	@Test
	void whenItsHeapRunsOutThenExitOnOutOfMemoryErrorHasItStartedAgain() throws Exception {
		Launch run = startRestarting("-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "--daemon.restart=on-failure",
				"--daemon.restart-delay=100ms", "--restarting.out-of-memory=true",
				"--restarting.once=" + this.daemons.file("once"));
		long second = awaitNewDaemon("RestartingApplication.pid", run.pid());
		assertThat(lines("RestartingApplication.out", "restarting in")).containsExactly(
				"RestartingApplication (pid " + run.pid() + ") exited with status 3; restarting in 0.100 s");
		assertThat(this.daemons.file("RestartingApplication.out")).content()
			.contains("Terminating due to java.lang.OutOfMemoryError: Java heap space");
		assertThat(ProcInfo.hasExited(second)).isFalse();
	}

	@Test
	void whenTheApplicationExitsWithStatus0ThenOnFailureLetsItEndAndSaysSo() throws Exception {
		Launch run = startRestarting("--daemon.restart=on-failure", "--restarting.exit-status=0");
		awaitExit(supervisor(run), run.pid());
		assertThat(lines("RestartingApplication.out", "boot-daemon supervisor")).containsExactly(
				"RestartingApplication (pid " + run.pid() + ") exited with status 0; not restarted "
						+ "(daemon.restart=on-failure)");
		assertNothingLeft("RestartingApplication.pid");
	}

	@Test
	void whenTheLimitIsZeroThenAFiniteJobsEndIsReportedAndNothingRestarted() throws Exception {
		Launch run = startRestarting("--daemon.restart=on-failure", "--daemon.restart-limit=0",
				"--restarting.exit-status=1");
		awaitExit(supervisor(run), run.pid());
		assertThat(lines("RestartingApplication.out", "boot-daemon supervisor")).containsExactly(
				"RestartingApplication (pid " + run.pid() + ") exited with status 1; not restarted "
						+ "(daemon.restart-limit=0)");
		assertThat(lines("RestartingApplication.out", "Started RestartingApplication")).hasSize(1);
		assertNothingLeft("RestartingApplication.pid");
	}

	@Test
	void whenItFailsRightAfterEveryStartThenItGivesUpAtTheLimitLeavingNothing() throws Exception {
		Launch run = startRestarting("--daemon.restart=on-failure", "--daemon.restart-delay=100ms",
				"--daemon.restart-limit=2", "--restarting.exit-status=1");
		awaitExit(supervisor(run), run.pid());
		assertThat(lines("RestartingApplication.out", "boot-daemon supervisor"))
			.hasSize(3)
			.element(2, org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.endsWith(") exited with status 1; gave up: 2 restarts in 300 s (daemon.restart-limit=2)");
		assertThat(lines("RestartingApplication.out", "restarting in"))
			.extracting((line) -> line.replaceAll(".*; ", ""))
			.containsExactly("restarting in 0.100 s", "restarting in 0.200 s");
		assertThat(lines("RestartingApplication.out", "Started RestartingApplication")).hasSize(3);
		assertNothingLeft("RestartingApplication.pid");
	}

	@Test
	void whenTheApplicationHangsThenAThreadDumpThenANewPidServes() throws Exception {
		int port = Daemons.freePort();
		Launch run = startSample(port, "--daemon.restart=on-failure", "--daemon.watchdog=2s");
		Daemons.signal("STOP", run.pid());
		long second = awaitNewDaemon("sample-app.pid", run.pid());
		await().atMost(WAIT).until(() -> Daemons.get(port, "/").equals("Hello from a daemon\n"));
		assertThat(lines("sample-app.out", "boot-daemon supervisor")).containsExactly(
					"sample-app (pid " + run.pid() + ") sent no heartbeat for 2 s (daemon.watchdog): thread dump, "
							+ "then SIGKILL",
					"sample-app (pid " + run.pid() + ") hung (no heartbeat for 2 s); restarting in 1 s");
		assertThat(this.daemons.file("sample-app.out")).content().contains("Full thread dump");
		assertThat(ProcInfo.hasExited(second)).isFalse();
	}

	@Test
	void whenItsHealthStaysDownThenItCountsAsHung() throws Exception {
		Path down = this.daemons.file("down");
		Launch run = startRestarting("--daemon.restart=on-failure", "--daemon.watchdog=2s",
				"--daemon.restart-delay=100ms", "--restarting.down=" + down);
		Files.createFile(down);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(lines("RestartingApplication.out", "restarting in")).hasSize(1));
		Files.delete(down);
		long second = awaitNewDaemon("RestartingApplication.pid", run.pid());
		assertThat(this.daemons.file("RestartingApplication.out")).content()
			.contains("Full thread dump")
			.contains("RestartingApplication (pid " + run.pid() + ") hung (no heartbeat for 2 s); restarting");
		Thread.sleep(5000);
		assertThat(ProcInfo.hasExited(second)).as("healthy again, not hung").isFalse();
	}

	/**
	 * {@code kill -9} at random moments, 100 by default ({@code -Drestart.kills=N}): the
	 * application as it starts, once it has its pidfile, while it runs and while a stop
	 * waits for it; the supervisor while it waits for the application. There is never
	 * more than one application, once started it always has the pidfile, and nothing is
	 * left after the last stop.
	 */
	@Test
	void whenKillsComeAtRandomMomentsThenNeverTwoApplicationsAndNothingLeftAfterStop() throws Exception {
		long seed = Long.getLong("restart.seed", System.nanoTime());
		Random random = new Random(seed);
		int kills = Integer.getInteger("restart.kills", 100);
		// A JVM that starts fast (C1 only, serial GC), so the 100 kills take minutes, not more.
		String[] args = { "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--daemon.restart=on-failure",
				"--daemon.restart-delay=20ms", "--daemon.restart-max-delay=100ms", "--daemon.restart-limit=1000" };
		Path pidFile = this.daemons.file("RestartingApplication.pid");
		long supervisor = supervisor(startRestarting(args));
		long application = awaitApplication(pidFile, -1, seed);
		for (int kill = 0; kill < kills; kill++) {
			// The supervisor and a stop once each, a third and two thirds in: each means a new start.
			int moment = (kill == kills / 3) ? 1 : (kill == 2 * kills / 3) ? 2 : (random.nextInt(10) == 0) ? 0 : 3;
			if (moment == 0) {
				// As it starts, before it has written its pidfile.
				Daemons.signal("KILL", application);
				application = awaitNewProcess(application, seed);
				Daemons.signal("KILL", application);
			}
			else if (moment == 1) {
				// The supervisor: the application runs on without it, and says so.
				Daemons.signal("KILL", supervisor);
				awaitExit(supervisor);
				assertThat(this.daemons.launchMain(RESTARTING, "--daemon.command=status").stdout())
					.contains("unsupervised: its supervisor (pid " + supervisor + ") is gone");
				supervisor = stopAndStartAgain(args);
			}
			else if (moment == 2) {
				// While a stop waits for it: nothing starts it again.
				Process stop = stopInBackground();
				Thread.sleep(random.nextInt(300));
				Daemons.signal("KILL", application);
				assertThat(stop.waitFor()).isZero();
				awaitExit(supervisor, application);
				assertThat(this.daemons.running()).as("seed %d", seed).isEmpty();
				supervisor = supervisor(startRestarting(args));
			}
			else {
				Thread.sleep(random.nextInt(400));
				assertThat(this.daemons.running()).as("seed %d", seed).hasSizeLessThanOrEqualTo(1);
				Daemons.signal("KILL", application);
			}
			application = awaitApplication(pidFile, application, seed);
		}
		assertThat(this.daemons.launchMain(RESTARTING, "--daemon.command=stop").exitCode()).isZero();
		assertNothingLeft("RestartingApplication.pid");
	}

	// One application, which the pidfile names and whose lock it holds: polled through
	// the lock, which is cheap, so as not to slow the starts it waits for.
	private long awaitApplication(Path pidFile, long old, long seed) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
			OptionalLong holder = PidFileProbe.lockHolder(pidFile);
			return holder.isPresent() && holder.getAsLong() != old && readPid(pidFile) == holder.getAsLong();
		});
		long pid = readPid(pidFile);
		assertThat(this.daemons.running().stream().filter((running) -> !ProcInfo.hasExited(running)))
			.as("seed %d", seed)
			.containsExactly(pid);
		this.daemons.track(pid);
		return pid;
	}

	private long awaitNewProcess(long old, long seed) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
			.until(() -> this.daemons.running().stream().anyMatch((pid) -> pid != old && !ProcInfo.hasExited(pid)));
		List<Long> running = this.daemons.running().stream().filter((pid) -> pid != old).toList();
		assertThat(running).as("seed %d", seed).hasSize(1);
		return running.get(0);
	}

	private long stopAndStartAgain(String[] args) {
		assertThat(this.daemons.launchMain(RESTARTING, "--daemon.command=stop").exitCode()).isZero();
		return supervisor(startRestarting(args));
	}

	private Process stopInBackground() throws IOException {
		return this.daemons.startBackground(
				List.of(Daemons.JAVA, "-cp", Daemons.WORKER_CLASSPATH, RESTARTING, "--daemon.command=stop"), Map.of());
	}

	private Launch startSample(int port, String... args) {
		List<String> command = new ArrayList<>(List.of(Daemons.JAVA, "-jar", "app.jar", "--daemon.enabled=true",
				"--server.port=" + port));
		command.addAll(List.of(args));
		return start(command);
	}

	// JVM options (starting with -X) before the main class, arguments after it.
	Launch startRestarting(String... args) {
		List<String> command = new ArrayList<>(List.of(Daemons.JAVA));
		Stream.of(args).filter((arg) -> arg.startsWith("-X")).forEach(command::add);
		command.addAll(List.of("-cp", Daemons.WORKER_CLASSPATH, RESTARTING, "--daemon.enabled=true"));
		Stream.of(args).filter((arg) -> !arg.startsWith("-X")).forEach(command::add);
		return start(command);
	}

	// The supervisor's private directory in the test's, to see that it goes.
	private Launch start(List<String> command) {
		Launch run = this.daemons.run(command, Map.of("TMPDIR", this.daemons.directory().toString()))
			.assertStarted();
		this.daemons.track(supervisor(run));
		return run;
	}

	static long supervisor(Launch run) {
		Matcher matcher = Pattern.compile("by supervisor pid (\\d+)\n$").matcher(run.stdout());
		assertThat(matcher.find()).as("supervisor in %s", run.stdout()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	long awaitNewDaemon(String pidFileName, long old) {
		return awaitNewDaemon(this.daemons, this.daemons.file(pidFileName), old);
	}

	// A pid that is not the old one in the pidfile, alive.
	long awaitNewDaemon(Daemons daemons, Path pidFile, long old) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
			long pid = readPid(pidFile);
			return pid > 0 && pid != old && !ProcInfo.hasExited(pid);
		});
		long pid = readPid(pidFile);
		daemons.track(pid);
		return pid;
	}

	static long readPid(Path pidFile) {
		try {
			return Long.parseLong(Files.readString(pidFile).strip());
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
	}

	static void awaitExit(long... pids) {
		await().atMost(WAIT).until(() -> java.util.Arrays.stream(pids).allMatch(ProcInfo::hasExited));
	}

	List<String> lines(String file, String containing) throws IOException {
		Pattern supervisorLine = Pattern.compile("^\\S+ \\S+ boot-daemon supervisor \\(pid \\d+\\): ");
		return Files.readAllLines(this.daemons.file(file))
			.stream()
			.filter((line) -> line.contains(containing))
			.map((line) -> supervisorLine.matcher(line).replaceFirst(""))
			.toList();
	}

	// No process of the test's, no pidfile, no supervisor's directory.
	void assertNothingLeft(String pidFile) throws IOException {
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.daemons.running()).isEmpty());
		assertThat(ProcessHandle.allProcesses().filter(Daemons::isSupervisor)
			.filter((process) -> process.info().commandLine().orElse("").contains(this.daemons.directory().toString())))
			.isEmpty();
		assertThat(this.daemons.file(pidFile)).doesNotExist();
		try (Stream<Path> files = Files.list(this.daemons.directory())) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.noneMatch((name) -> name.startsWith("boot-daemon-supervisor."));
		}
	}

}
