package dev.bootdaemon.sample;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code daemon.output=syslog} against a real rsyslogd.
 */
class SyslogIT {

	@RegisterExtension
	final Daemons daemons = new Daemons();

	@RegisterExtension
	final Rsyslog rsyslog = new Rsyslog();

	private final int port = Daemons.freePort();

	@Test
	void whenSentOverTheUnixSocketThenEachLineArrivesWithTagPidFacilityAndSeverity() throws Exception {
		this.rsyslog.start();
		Launch launch = this.daemons
			.launch(List.of("-Xlog:gc:stderr"), "--daemon.enabled=true", "--server.port=" + this.port,
					"--daemon.output=syslog", "--daemon.syslog.address=unix://" + this.rsyslog.socket(),
					"--daemon.syslog.facility=local0")
			.assertStarted();
		assertThat(launch.stdout()).contains("output syslog " + this.rsyslog.socket());
		String tag = "sample-app[" + launch.pid() + "]:";
		Daemons.get(this.port, "/say?text=boom&level=ERROR");
		Daemons.get(this.port, "/say?text=caution&level=WARN");
		Daemons.get(this.port, "/say?text=pl%C3%A4in");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(this.rsyslog.messages())
			.anySatisfy((line) -> assertThat(line).startsWith("local0.info " + tag).contains("Started SampleApplication"))
			.anySatisfy((line) -> assertThat(line).startsWith("local0.err " + tag).contains("[info][gc] Using"))
			.anySatisfy((line) -> assertThat(line).startsWith("local0.err " + tag).contains("ERROR").endsWith("boom"))
			.anySatisfy((line) -> assertThat(line).startsWith("local0.err " + tag)
				.contains("java.lang.IllegalStateException: boom"))
			.anySatisfy((line) -> assertThat(line).startsWith("local0.err " + tag).contains("at dev.bootdaemon"))
			.anySatisfy((line) -> assertThat(line).startsWith("local0.warning " + tag).endsWith("caution"))
			.anySatisfy((line) -> assertThat(line).isEqualTo("local0.info " + tag + " pläin")));
		assertThat(this.daemons.file("sample-app.out")).doesNotExist();
	}

	@Test
	void whenASupervisedDaemonIsKilledThenTheSupervisorsLineAndTheNewDaemonsArriveToo() throws Exception {
		this.rsyslog.start();
		for (String address : List.of("unix://" + this.rsyslog.socket(), "tcp://127.0.0.1:" + this.rsyslog.tcpPort)) {
			Launch launch = startTo(address, "--daemon.restart=on-failure", "--daemon.restart-delay=100ms");
			long supervisor = RestartIT.supervisor(launch);
			this.daemons.track(supervisor);
			Daemons.signal("KILL", launch.pid());
			long second = new RestartIT().awaitNewDaemon(this.daemons, this.daemons.file("sample-app.pid"),
					launch.pid());
			// The supervisor's line as the daemon's go, with its own pid; the new daemon
			// reads the same pipe.
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.rsyslog.messages())
				.anySatisfy((line) -> assertThat(line).startsWith("daemon.warning sample-app[" + supervisor + "]")
					.endsWith(" supervisor: sample-app (pid " + launch.pid()
							+ ") killed by SIGKILL; restarting in 0.100 s"))
				.anySatisfy((line) -> assertThat(line).startsWith("daemon.info sample-app[" + second + "]")
					.contains("Started SampleApplication")));
			assertThat(this.daemons.launch("--daemon.command=stop").exitCode()).isZero();
		}
	}

	@Test
	void whenSentOverUdpThenLinesArriveInRfc5424() throws Exception {
		this.rsyslog.start();
		Launch launch = startTo("udp://127.0.0.1:" + this.rsyslog.udpPort, "--daemon.syslog.facility=user");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(this.rsyslog.messages()).anySatisfy(
				(line) -> assertThat(line).startsWith("user.info sample-app[" + launch.pid() + "]")
					.contains("Started SampleApplication")));
	}

	@Test
	void whenSentOverTcpThenLinesArriveWithOctetCounting() throws Exception {
		this.rsyslog.start();
		Launch launch = startTo("tcp://127.0.0.1:" + this.rsyslog.tcpPort, "--daemon.syslog.tag=shop");
		Daemons.get(this.port, "/say?text=over-tcp&times=3");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(this.rsyslog.messages())
			.filteredOn((line) -> line.startsWith("daemon.info shop[" + launch.pid() + "]") && line.endsWith("over-tcp"))
			.hasSize(3));
	}

	@Test
	void whenABurstOf100000LinesIsWrittenThenAllArrive() throws Exception {
		this.rsyslog.start();
		Launch launch = startTo("unix://" + this.rsyslog.socket(), "--sample.print-lines=100000");
		String prefix = "daemon.info sample-app[" + launch.pid() + "]: line ";
		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.rsyslog.messages().stream().anyMatch((line) -> line.equals(prefix + 100000)));
		List<String> burst = this.rsyslog.messages().stream().filter((line) -> line.startsWith(prefix)).toList();
		assertThat(burst).hasSize(100_000).doesNotHaveDuplicates();
		System.out.println("syslog burst: " + burst.size() + " of 100000 lines arrived");
	}

	@Test
	void whenSyslogRestartsThenTheAppNeverStallsAndDeliveryResumes() throws Exception {
		this.rsyslog.start();
		Launch launch = startTo("unix://" + this.rsyslog.socket(), "--daemon.syslog.buffer-lines=100");
		this.rsyslog.kill();
		// Down for longer than the one second after which the forwarder stops waiting.
		Thread.sleep(1500);
		long start = System.nanoTime();
		assertThat(Daemons.get(this.port, "/say?text=while-down&times=5000")).isEqualTo("said 5000\n");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).as("writing 5000 lines with syslog down").isLessThan(Duration.ofSeconds(10));
		this.rsyslog.start();
		String tag = "sample-app[" + launch.pid() + "]:";
		// What the full buffer could not hold is counted, and reported once syslog is back.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.rsyslog.messages())
			.anySatisfy((line) -> assertThat(line).startsWith("daemon.warning " + tag)
				.contains("lines could not be delivered to syslog"))
			.anySatisfy((line) -> assertThat(line).isEqualTo("daemon.info " + tag + " while-down")));
		Daemons.get(this.port, "/say?text=after-restart");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.rsyslog.messages())
			.contains("daemon.info " + tag + " after-restart"));
		assertThat(Daemons.get(this.port, "/actuator/info")).containsPattern("\"droppedLines\":[1-9]");
		System.out.println("syslog restart: 5000 lines written in " + took.toMillis() + " ms with syslog down; "
				+ "delivery resumed after restart");
	}

	@Test
	void whenTheSocketIsAbsentThenTheLauncherWarnsOrRefusesWhenStrict() {
		String absent = "unix://" + this.daemons.file("no.sock");
		Launch strict = this.daemons.launch("--daemon.enabled=true", "--server.port=" + this.port,
				"--daemon.output=syslog", "--daemon.syslog.address=" + absent, "--daemon.syslog.strict=true");
		assertThat(strict.exitCode()).isEqualTo(1);
		assertThat(strict.stderr()).contains("for property 'daemon.syslog.address'").contains("unreachable");
		Launch lenient = startTo(absent);
		assertThat(lenient.stderr()).startsWith("Warning: output syslog " + this.daemons.file("no.sock") + " is unreachable");
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");
	}

	@Test
	void whenTheStartFailsThenEveryLineOfSpringBootsFailureReportArrivesAsAnError() throws Exception {
		this.rsyslog.start();
		try (ServerSocket taken = new ServerSocket(this.port)) {
			Launch launch = this.daemons.launch("--daemon.enabled=true", "--server.port=" + this.port,
					"--daemon.output=syslog", "--daemon.syslog.address=unix://" + this.rsyslog.socket());
			assertThat(launch.exitCode()).isEqualTo(1);
			assertThat(launch.stderr()).contains("Full output: in syslog, sent to " + this.rsyslog.socket());
			// One ERROR event over many lines: none of them may fall to info.
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(this.rsyslog.messages())
				.anySatisfy((line) -> assertThat(line).startsWith("daemon.err ").endsWith("APPLICATION FAILED TO START"))
				.anySatisfy((line) -> assertThat(line).startsWith("daemon.err ").endsWith("Description:"))
				.anySatisfy((line) -> assertThat(line).startsWith("daemon.err ")
					.endsWith("Web server failed to start. Port " + this.port + " was already in use.")));
			assertThat(this.rsyslog.messages()).filteredOn((line) -> line.contains("APPLICATION FAILED TO START")
					|| line.endsWith("Description:") || line.endsWith("Action:"))
				.allMatch((line) -> line.startsWith("daemon.err "));
		}
	}

	private Launch startTo(String address, String... args) {
		List<String> all = new java.util.ArrayList<>(List.of("--daemon.enabled=true", "--server.port=" + this.port,
				"--daemon.output=syslog", "--daemon.syslog.address=" + address));
		all.addAll(List.of(args));
		return this.daemons.launch(all.toArray(String[]::new)).assertStarted();
	}

}
