package dev.bootdaemon.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Production as operators run it: started as root with {@code daemon.user}, the output
 * in a log directory, rotated by the real logrotate with the generated stanza, and the
 * generated systemd unit's {@code ExecStart} run as systemd would run it. Every trick the
 * service account can play in a directory it may write is tried with a planted link,
 * and a root-only file is checked unchanged.
 */
class ProductionIT {

	private static final String USER = "bootdaemon";

	@RegisterExtension
	final Daemons daemons = new Daemons();

	private Path victim;

	@BeforeEach
	void rootOnlyFileAndDirectoriesForTheServiceAccount() throws Exception {
		assertThat(ProcInfo.of(ProcessHandle.current().pid()).status("Uid:")).as("tests run as root")
			.startsWith("0\t");
		// The service account must reach its directories inside the launch directory.
		Files.setPosixFilePermissions(this.daemons.directory(), PosixFilePermissions.fromString("rwxr-xr-x"));
		this.victim = Files.writeString(this.daemons.file("shadow"), "root only\n");
		Files.setPosixFilePermissions(this.victim, PosixFilePermissions.fromString("rw-------"));
		for (String directory : List.of("userlogs", "run")) {
			run(List.of("chown", USER + ":", Files.createDirectory(this.daemons.file(directory)).toString()));
		}
		Files.createDirectory(this.daemons.file("rootlogs"));
	}

	@Test
	void whenTheServiceAccountPlantsALinkAtTheOutputFileOrPidFileThenRootRefusesNamingTheProperty()
			throws Exception {
		asServiceAccount("ln", "-s", this.victim.toString(), this.daemons.file("userlogs/app.out").toString());
		Launch output = this.daemons.launch("--daemon.enabled=true", "--daemon.user=" + USER,
				"--daemon.output-file=userlogs/app.out", "--daemon.pid-file=run/app.pid");
		assertThat(output.exitCode()).isEqualTo(1);
		assertThat(output.stderr().strip()).isEqualTo("sample-app cannot start as a daemon: Invalid value '"
				+ this.daemons.file("userlogs/app.out") + "' for property 'daemon.output-file': is a symbolic link; "
				+ "refusing to follow it");
		asServiceAccount("ln", "-s", this.victim.toString(), this.daemons.file("run/app.pid").toString());
		Launch pidFile = this.daemons.launch("--daemon.enabled=true", "--daemon.user=" + USER,
				"--daemon.output-file=rootlogs/app.out", "--daemon.pid-file=run/app.pid");
		assertThat(pidFile.exitCode()).isEqualTo(1);
		assertThat(pidFile.stderr()).contains("for property 'daemon.pid-file': is a symbolic link");
		// The same through the usual start, which reads the configuration before it spawns.
		Launch late = this.daemons.launch("--daemon.enabled=true", "--daemon.user=" + USER,
				"--daemon.output-file=userlogs/app.out", "--daemon.working-directory=/tmp");
		assertThat(late.exitCode()).isEqualTo(1);
		assertThat(late.stderr()).contains("for property 'daemon.output-file': is a symbolic link");
		assertThat(this.daemons.running()).isEmpty();
		assertVictimUnchanged();
	}

	@Test
	void whenARootDaemonsOutputIsReplacedByALinkBeforeAReopenThenItKeepsItsFileAndSaysWhy() throws Exception {
		int port = Daemons.freePort();
		long pid = this.daemons.launch("--daemon.enabled=true", "--daemon.output-file=userlogs/app.out",
				"--server.port=" + port).assertStarted().pid();
		asServiceAccount("mv", this.daemons.file("userlogs/app.out").toString(),
				this.daemons.file("userlogs/app.out.1").toString());
		asServiceAccount("ln", "-s", this.victim.toString(), this.daemons.file("userlogs/app.out").toString());
		Daemons.signal("HUP", pid);
		Daemons.get(port, "/say?text=after-the-link");
		Path kept = this.daemons.file("userlogs/app.out.1");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(kept).content().contains("after-the-link"));
		assertThat(Files.readAllLines(kept)).filteredOn((line) -> line.contains("Could not reopen"))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("is a symbolic link; refusing to follow it",
					"still writing to the file it had open"));
		assertThat(kept).content().doesNotContain("\tat ");
		assertVictimUnchanged();
	}

	@Test
	void whenLogrotateRotatesWithTheStanzaAsRootWithAUserThenEveryLineIsKeptAndTheNewFileIsTheUsers()
			throws Exception {
		for (String directory : List.of("rootlogs", "userlogs")) {
			int port = Daemons.freePort();
			String[] daemon = { "--daemon.user=" + USER, "--daemon.output-file=" + directory + "/app.out",
					"--daemon.pid-file=run/app.pid", "--server.port=" + port };
			this.daemons.launch(with(daemon, "--daemon.enabled=true")).assertStarted();
			Daemons.get(port, "/say?text=before-rotation");
			Launch stanza = this.daemons.launch(with(daemon, "--daemon.command=logrotate"));
			assertThat(stanza.exitCode()).as(stanza.stderr()).isZero();
			assertThat(stanza.stdout()).contains("\tcreate 0640 " + USER + " ");
			assertThat(stanza.stdout().contains("\tsu " + USER + " " + USER + "\n"))
				.isEqualTo(directory.equals("userlogs"));
			Path conf = Files.writeString(this.daemons.file(directory + ".conf"), stanza.stdout());
			String rotation = run(List.of("logrotate", "--verbose", "--force", "-s",
					this.daemons.file(directory + ".state").toString(), conf.toString()));
			Path output = this.daemons.file(directory + "/app.out");
			Path rotated = this.daemons.file(directory + "/app.out.1");
			assertThat(rotated).as(rotation).content().contains("before-rotation");
			Daemons.get(port, "/say?text=after-rotation");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(output).content().contains("after-rotation"));
			assertThat(Files.getOwner(output).getName()).isEqualTo(USER);
			assertThat(rotated).content().doesNotContain("after-rotation", "Could not reopen");
			assertThat(output).content().doesNotContain("Could not reopen");
			this.daemons.launch(with(daemon, "--daemon.command=stop"));
		}
	}

	@Test
	void whenThePidFileIsStaleThenTheStanzasSignalReachesNobody() throws Exception {
		Process unrelated = this.daemons.startBackground(List.of("sleep", "60"), Map.of());
		Files.writeString(this.daemons.file("run/app.pid"), unrelated.pid() + "\n");
		Files.writeString(this.daemons.file("rootlogs/app.out"), "a line\n");
		Launch stanza = this.daemons.launch("--daemon.command=logrotate", "--daemon.output-file=rootlogs/app.out",
				"--daemon.pid-file=run/app.pid");
		Path conf = Files.writeString(this.daemons.file("logrotate.conf"), stanza.stdout());
		run(List.of("logrotate", "--force", "-s", this.daemons.file("logrotate.state").toString(), conf.toString()));
		assertThat(this.daemons.file("rootlogs/app.out.1")).hasContent("a line");
		assertThat(unrelated.isAlive()).isTrue();
	}

	@Test
	void whenTheGeneratedUnitsExecStartRunsAsItsUserThenTheServiceBindsAPrivilegedPortAndIsReady()
			throws Exception {
		int port = 80 + (int) ((ProcessHandle.current().pid() + 7) % 900);
		Launch unit = this.daemons.launch("--daemon.command=systemd-unit", "--daemon.user=" + USER,
				"--daemon.pid-file=run/app.pid", "--server.port=" + port);
		assertThat(unit.exitCode()).as(unit.stderr()).isZero();
		Path file = Files.writeString(this.daemons.file("sample.service"), unit.stdout());
		run(List.of("systemd-analyze", "verify", file.toString()));
		String execStart = line(unit.stdout(), "ExecStart=");
		assertThat(execStart).doesNotContain("daemon.user", "daemon.command");
		assertThat(line(unit.stdout(), "User=")).isEqualTo(USER);
		assertThat(line(unit.stdout(), "AmbientCapabilities=")).isEqualTo("CAP_NET_BIND_SERVICE");
		Path log = this.daemons.file("notify.log");
		String socket = "@boot-daemon-unit-" + ProcessHandle.current().pid();
		this.daemons.startBackground(List.of("python3",
				Path.of("src/test/resources/notify-socket.py").toAbsolutePath().toString(), socket, log.toString()),
				Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log) && Files.readString(log).contains("LISTENING"));
		// As systemd runs it: the unit's user and group with no other groups, the
		// ambient capability, every signal at its default, its working directory.
		List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER,
				"--clear-groups", "--inh-caps=+net_bind_service", "--ambient-caps=+net_bind_service", "env",
				"--default-signal"));
		command.addAll(Arrays.asList(execStart.split(" ")));
		ProcessBuilder service = new ProcessBuilder(command)
			.directory(Path.of(line(unit.stdout(), "WorkingDirectory=")).toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.daemons.file("service.log").toFile());
		service.environment().putAll(Map.of("NOTIFY_SOCKET", socket, "INVOCATION_ID", "0123456789abcdef"));
		Process process = service.start();
		this.daemons.track(process.pid());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Files.readString(log).contains("READY=1") || !process.isAlive());
		assertThat(Files.readString(log)).as(Files.readString(this.daemons.file("service.log"))).contains("READY=1");
		assertThat(Daemons.get(port, "/")).isEqualTo("Hello from a daemon\n");
		assertThat(ProcInfo.of(process.pid()).status("Uid:")).doesNotStartWith("0");
		assertThat(this.daemons.file("run/app.pid")).hasContent(process.pid() + "\n");
	}

	@Test
	void whenARootDaemonWithAUserIsRestartedAfterARotationThenItIsTheUsersAgainInTheNewFile() throws Exception {
		int port = Daemons.freePort();
		String[] daemon = { "--daemon.user=" + USER, "--daemon.output-file=userlogs/app.out",
				"--daemon.pid-file=run/app.pid", "--server.port=" + port, "--daemon.restart=on-failure",
				"--daemon.restart-delay=100ms" };
		Launch run = this.daemons.launch(with(daemon, "--daemon.enabled=true")).assertStarted();
		long supervisor = RestartIT.supervisor(run);
		this.daemons.track(supervisor);
		assertThat(ProcInfo.of(supervisor).status("Uid:")).as("the supervisor stays root").startsWith("0\t");
		Launch stanza = this.daemons.launch(with(daemon, "--daemon.command=logrotate"));
		Path conf = Files.writeString(this.daemons.file("logrotate.conf"), stanza.stdout());
		run(List.of("logrotate", "--force", "-s", this.daemons.file("logrotate.state").toString(), conf.toString()));
		Daemons.signal("KILL", run.pid());
		long second = new RestartIT().awaitNewDaemon(this.daemons, this.daemons.file("run/app.pid"), run.pid());
		await().atMost(Duration.ofSeconds(60)).until(() -> Daemons.get(port, "/").equals("Hello from a daemon\n"));
		assertThat(ProcInfo.of(second).status("Uid:")).doesNotStartWith("0");
		assertThat(ProcInfo.of(second).ppid()).isEqualTo(supervisor);
		Daemons.get(port, "/say?text=after-the-restart");
		Path output = this.daemons.file("userlogs/app.out");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output).content().contains("after-the-restart"));
		assertThat(output).content()
			.contains("sample-app (pid " + run.pid() + ") killed by SIGKILL; restarting in 0.100 s")
			.doesNotContain("Could not reopen");
		assertThat(Files.getOwner(output).getName()).isEqualTo(USER);
		assertThat(this.daemons.file("userlogs/app.out.1")).content().doesNotContain("after-the-restart",
				"restarting in");
	}

	@Test
	void whenTheServiceAccountPlantsALinkAtTheOutputBeforeARestartThenRootWritesNothingThrough()
			throws Exception {
		int port = Daemons.freePort();
		Launch run = this.daemons.launch("--daemon.enabled=true", "--daemon.user=" + USER,
				"--daemon.output-file=userlogs/app.out", "--daemon.pid-file=run/app.pid", "--server.port=" + port,
				"--daemon.restart=on-failure", "--daemon.restart-delay=100ms").assertStarted();
		this.daemons.track(RestartIT.supervisor(run));
		asServiceAccount("mv", this.daemons.file("userlogs/app.out").toString(),
				this.daemons.file("userlogs/app.out.1").toString());
		asServiceAccount("ln", "-s", this.victim.toString(), this.daemons.file("userlogs/app.out").toString());
		Daemons.signal("KILL", run.pid());
		new RestartIT().awaitNewDaemon(this.daemons, this.daemons.file("run/app.pid"), run.pid());
		await().atMost(Duration.ofSeconds(60)).until(() -> Daemons.get(port, "/").equals("Hello from a daemon\n"));
		// Both lines in the file the supervisor had open, which the new daemon keeps.
		assertThat(this.daemons.file("userlogs/app.out.1")).content()
			.contains("killed by SIGKILL; restarting in 0.100 s")
			.contains("Could not reopen output " + this.daemons.file("userlogs/app.out") + " after the restart: ")
			.contains("is a symbolic link; refusing to follow it");
		assertVictimUnchanged();
	}

	private static String[] with(String[] args, String arg) {
		String[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = arg;
		return all;
	}

	private static String line(String text, String prefix) {
		return text.lines()
			.filter((line) -> line.startsWith(prefix))
			.map((line) -> line.substring(prefix.length()))
			.findFirst()
			.orElseThrow();
	}

	private void asServiceAccount(String... command) throws Exception {
		List<String> all = new ArrayList<>(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--clear-groups"));
		all.addAll(List.of(command));
		run(all);
	}

	private String run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.directory(this.daemons.directory().toFile())
			.start();
		String said = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as("%s: %s", command, said).isZero();
		return said;
	}

	private void assertVictimUnchanged() throws IOException {
		assertThat(this.victim).hasContent("root only");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.victim))).isEqualTo("rw-------");
		assertThat(Files.getOwner(this.victim).getName()).isEqualTo("root");
	}

}
