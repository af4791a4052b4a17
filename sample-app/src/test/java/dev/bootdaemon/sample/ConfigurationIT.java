package dev.bootdaemon.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daemon mode switched on and configured from where Spring Boot users put settings,
 * although the daemon's working directory is not the launch directory.
 */
class ConfigurationIT {

	@RegisterExtension
	final Daemons daemons = new Daemons();

	private static final String EARLY_START = "-Dboot-daemon.early-start=true";

	private final int port = Daemons.freePort();

	@Test
	void whenEnabledInApplicationPropertiesOfTheLaunchDirectoryThenTheDaemonStartsEarlyAndReadsItToo()
			throws Exception {
		Files.writeString(this.daemons.file("application.properties"), "daemon.enabled=true\n");
		Files.createDirectory(this.daemons.file("config"));
		Files.writeString(this.daemons.file("config/application.properties"), "server.port=" + this.port + "\n");
		long pid = this.daemons.launch().assertStarted().pid();
		assertThat(ProcInfo.of(pid).cwd()).isEqualTo(Path.of("/"));
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");
		// The launcher found the flag in the default configuration files before Spring Boot read them.
		assertThat(ProcInfo.of(pid).commandLine()).contains(EARLY_START);
	}

	@Test
	void whenApplicationPropertiesAsksForDaemonModeAndAWorkingDirectoryThenTheUsualStartAlone() throws Exception {
		Files.createDirectory(this.daemons.file("logs"));
		Files.writeString(this.daemons.file("application.properties"),
				"daemon.enabled=true\ndaemon.working-directory=logs\nserver.port=" + this.port + "\n");
		Daemons.Launch launch = this.daemons.launch(this.daemons.classLoadLogging()).assertStarted();
		ProcInfo daemon = ProcInfo.of(launch.pid());
		assertThat(daemon.cwd()).isEqualTo(this.daemons.file("logs"));
		assertThat(daemon.commandLine()).doesNotContain(EARLY_START);
		// No early daemon started to give way: two JVMs in all, the launcher and the daemon.
		try (var files = Files.list(this.daemons.directory())) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.filteredOn((name) -> name.startsWith("classes-"))
				.containsExactlyInAnyOrder("classes-" + launch.launcherPid() + ".log", "classes-" + launch.pid() + ".log");
		}
	}

	@Test
	void whenTheCommandLineAsksThenTheLauncherSpawnsTheDaemonBeforeSpringBootCreatesItsRunListeners()
			throws Exception {
		Daemons.Launch launch = this.daemons
			.launch(this.daemons.classLoadLogging(), "--daemon.enabled=true", "--server.port=" + this.port)
			.assertStarted();
		assertThat(ProcInfo.of(launch.pid()).commandLine()).contains(EARLY_START);
		// From SpringApplication's constructor: the launcher exits there once the daemon is ready.
		assertThat(this.daemons.classesLoadedBy(launch.launcherPid())).contains("dev.bootdaemon.entry.EarlyLaunch ")
			.contains("dev.bootdaemon.launch.DetachedProcess ")
			.doesNotContain("org.springframework.boot.SpringApplicationRunListener ")
			.doesNotContain("dev.bootdaemon.entry.DaemonRunListener");
		assertThat(this.daemons.classesLoadedBy(launch.pid())).contains("dev.bootdaemon.entry.DaemonRunListener ");
	}

	@Test
	void whenTheCommandLineAsksButAConfigurationFileMovesTheWorkingDirectoryThenTheUsualStartTakesOver()
			throws Exception {
		Files.createDirectory(this.daemons.file("logs"));
		// In a file the launcher does not read: the daemon started early finds it.
		Files.writeString(this.daemons.file("application.yml"), "daemon:\n  working-directory: logs\n");
		Daemons.Launch launch = this.daemons.launch("--daemon.enabled=true", "--server.port=" + this.port)
			.assertStarted();
		assertThat(launch.stdout().lines()).singleElement().asString().startsWith("sample-app started as daemon");
		assertThat(launch.stderr()).isEmpty();
		ProcInfo daemon = ProcInfo.of(launch.pid());
		assertThat(daemon.cwd()).isEqualTo(this.daemons.file("logs"));
		assertThat(daemon.commandLine()).doesNotContain(EARLY_START);
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");
		// The daemon started early gave way and left: only the one daemon runs.
		assertThat(ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().orElse("").contains(this.daemons.directory().toString())))
			.extracting(ProcessHandle::pid)
			.containsExactly(launch.pid());
	}

	@Test
	void whenEnabledThroughTheEnvironmentThenItDaemonizes() throws Exception {
		Daemons.Launch launch = this.daemons.run(List.of(Daemons.JAVA, "-jar", "app.jar"),
				Map.of("DAEMON_ENABLED", "true", "SERVER_PORT", String.valueOf(this.port)))
			.assertStarted();
		assertThat(ProcInfo.of(launch.pid()).ttyNr()).isZero();
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");
		assertThat(ProcInfo.of(launch.pid()).commandLine()).contains(EARLY_START);
	}

	@Test
	void whenArgumentsNameRelativeFilesThenTheDaemonFindsThem() throws Exception {
		Files.createDirectory(this.daemons.file("extra"));
		Files.writeString(this.daemons.file("extra/application.properties"), "server.port=" + this.port + "\n");
		Files.writeString(this.daemons.file("prod.properties"), "spring.application.name=relocated\n");
		Daemons.Launch launch = this.daemons.launch(List.of("-Dspring.config.import=prod.properties"),
				"--daemon.enabled=true", "--spring.config.additional-location=extra/")
			.assertStarted();
		assertThat(launch.stdout()).startsWith("relocated started as daemon");
		assertThat(Daemons.get(this.port, "/")).isEqualTo("Hello from a daemon\n");
		assertThat(ProcInfo.of(launch.pid()).commandLine()).contains(
				"--spring.config.additional-location=" + this.daemons.file("extra") + "/",
				"-Dspring.config.import=" + this.daemons.file("prod.properties"));
	}

}
