package dev.bootdaemon.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application under real supervisors from Debian's packages (supervisord, runit) and
 * as the main process of a container-like PID namespace: {@code daemon.detach=auto}
 * stays in the foreground with its output on the console, the supervisor's own stop
 * works, and {@code status} and {@code stop} from outside the namespace find it.
 */
class SupervisorIT {

	@RegisterExtension
	final Daemons daemons = new Daemons();

	@Test
	void whenRunBySupervisordThenItStaysInTheForegroundAndLogsToSupervisord() throws Exception {
		int port = Daemons.freePort();
		Path directory = this.daemons.directory();
		Path conf = Files.writeString(this.daemons.file("supervisord.conf"), """
				[unix_http_server]
				file=%1$s/supervisor.sock
				[supervisord]
				nodaemon=true
				logfile=%1$s/supervisord.log
				pidfile=%1$s/supervisord.pid
				childlogdir=%1$s
				[rpcinterface:supervisor]
				supervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface
				[supervisorctl]
				serverurl=unix://%1$s/supervisor.sock
				[program:sample]
				command=%2$s -jar %1$s/app.jar --daemon.enabled=true --server.port=%3$d --daemon.pid-file=%1$s/sample.pid
				directory=%1$s
				stdout_logfile=%1$s/sample-console.log
				redirect_stderr=true
				startsecs=3
				stopwaitsecs=30
				""".formatted(directory, Daemons.JAVA, port));
		this.daemons.startBackground(List.of("supervisord", "-c", conf.toString()), Map.of());
		long pid = awaitServing(port, this.daemons.file("sample.pid"));
		// A detach would look like an exit to supervisord, which would start it again.
		Thread.sleep(5000);
		assertThat(supervisorctl(conf, "pid", "sample")).isEqualTo(pid + "\n");
		assertThat(this.daemons.file("sample-console.log")).content()
			.contains("Running as daemon: pid " + pid)
			.containsOnlyOnce("Started SampleApplication");
		assertThat(this.daemons.file("sample-app.out")).doesNotExist();
		supervisorctl(conf, "stop", "sample");
		assertThat(ProcInfo.hasExited(pid)).isTrue();
		assertThat(this.daemons.file("sample.pid")).doesNotExist();
	}

	@Test
	void whenRunByRunitThenItStaysInTheForegroundAndSvStopsIt() throws Exception {
		int port = Daemons.freePort();
		Path service = Files.createDirectories(this.daemons.file("service"));
		Path run = Files.writeString(service.resolve("run"), """
				#!/bin/sh
				exec 2>&1
				exec %2$s -jar %1$s/app.jar --daemon.enabled=true --server.port=%3$d --daemon.pid-file=%1$s/sample.pid
				""".formatted(this.daemons.directory(), Daemons.JAVA, port));
		Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
		this.daemons.startBackground(List.of("runsv", service.toString()), Map.of());
		long pid = awaitServing(port, this.daemons.file("sample.pid"));
		Thread.sleep(5000);
		assertThat(Files.readString(service.resolve("supervise/pid")).strip()).isEqualTo(Long.toString(pid));
		Process stop = new ProcessBuilder("sv", "-w", "30", "stop", service.toString()).start();
		assertThat(stop.waitFor()).isZero();
		assertThat(ProcInfo.hasExited(pid)).isTrue();
		assertThat(this.daemons.file("sample.pid")).doesNotExist();
	}

	@Test
	void whenTheMainProcessOfAPidNamespaceThenStatusAndStopFromOutsideFindItsRealPid() throws Exception {
		int port = Daemons.freePort();
		// --kill-child: the namespace's main process dies with unshare, which the test
		// kills however it ends; the absolute pidfile names the test's directory too.
		Process unshare = this.daemons.startBackground(List.of("unshare", "--pid", "--fork", "--kill-child",
				"--mount-proc", Daemons.JAVA, "-jar", "app.jar", "--daemon.enabled=true", "--server.port=" + port,
				"--daemon.pid-file=" + this.daemons.file("container.pid")), Map.of());
		awaitServing(port, this.daemons.file("container.pid"));
		assertThat(this.daemons.file("container.pid")).as("its own pid, in its namespace").hasContent("1\n");
		long pid = unshare.children().findFirst().map(ProcessHandle::pid).orElseThrow();
		Launch status = this.daemons.launch("--daemon.command=status", "--daemon.pid-file=container.pid");
		assertThat(status.exitCode()).isZero();
		assertThat(status.stdout()).startsWith("sample-app is running: pid " + pid + ", up ");
		Launch stop = this.daemons.launch("--daemon.command=stop", "--daemon.pid-file=container.pid");
		assertThat(stop.stdout()).isEqualTo("sample-app stopped (pid " + pid + ")\n");
		assertThat(ProcInfo.hasExited(pid)).isTrue();
		assertThat(this.daemons.file("container.pid")).doesNotExist();
	}

	@Test
	void whenOrphanedByTheShellThatStartedItThenItDetachesFromThatShellsSession() throws Exception {
		int port = Daemons.freePort();
		// As ssh host 'java -jar app.jar ... &' does: a session of its own for the
		// shell, which exits at once, and the launcher is reparented long before it looks.
		// The jar by its absolute path: the test's clean-up finds what names its directory.
		Process ssh = this.daemons.startBackground(List.of("setsid", "--wait", "sh", "-c", Daemons.JAVA + " -jar "
				+ this.daemons.file("app.jar") + " --daemon.enabled=true --server.port=" + port
				+ " > launcher.out 2>&1 &"), Map.of());
		assertThat(ssh.waitFor()).isZero();
		Path launcherOutput = this.daemons.file("launcher.out");
		await().atMost(Duration.ofSeconds(60)).until(() -> read(launcherOutput).contains("started as daemon"));
		long pid = Long.parseLong(read(this.daemons.file("sample-app.pid")).strip());
		ProcInfo daemon = ProcInfo.of(pid);
		assertThat(daemon.session()).as("a session of its own, not the shell's").isNotEqualTo(ssh.pid())
			.isNotEqualTo(pid);
		assertThat(daemon.fd(1)).isEqualTo(this.daemons.file("sample-app.out"));
		assertThat(Daemons.get(port, "/")).isEqualTo("Hello from a daemon\n");
	}

	@Test
	void whenOpenRcsSuperviseDaemonRunsItThenItStaysInTheForegroundAsProcShowsTheName() throws Exception {
		int port = Daemons.freePort();
		// A shell named as OpenRC's supervisor; the kernel cuts its command name to 15
		// characters, as it does the real one's. The trailing ':' keeps it the parent.
		Path supervisor = Files.copy(Path.of("/bin/sh"), this.daemons.file("supervise-daemon"));
		Process supervised = this.daemons.startBackground(List.of(supervisor.toString(), "-c", Daemons.JAVA + " -jar "
				+ this.daemons.file("app.jar") + " --daemon.enabled=true --server.port=" + port + "; :"), Map.of());
		long pid = awaitServing(port, this.daemons.file("sample-app.pid"));
		assertThat(Files.readString(Path.of("/proc/" + supervised.pid() + "/comm"))).isEqualTo("supervise-daemo\n");
		assertThat(ProcInfo.of(pid).ppid()).as("no fork: the supervisor's own child").isEqualTo(supervised.pid());
		assertThat(this.daemons.file("sample-app.out")).doesNotExist();
	}

	private static long awaitServing(int port, Path pidFile) {
		await().atMost(Duration.ofSeconds(60)).until(() -> Daemons.get(port, "/").equals("Hello from a daemon\n"));
		return Optional.of(pidFile).map(SupervisorIT::read).map(String::strip).map(Long::parseLong).orElseThrow();
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String supervisorctl(Path conf, String... command) throws IOException, InterruptedException {
		List<String> line = new java.util.ArrayList<>(List.of("supervisorctl", "-c", conf.toString()));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String said = new String(process.getInputStream().readAllBytes());
		process.waitFor();
		return said;
	}

}
