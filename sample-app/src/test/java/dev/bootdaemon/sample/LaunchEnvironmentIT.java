package dev.bootdaemon.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The daemon launched the ways operators launch services: under nohup and shell traps,
 * under cron's C locale, with arguments that happen to name files, through Spring Boot's
 * PropertiesLauncher, and on the newest JDK.
 */
class LaunchEnvironmentIT {

	// Bits n-1 of SigIgn and SigBlk for HUP, INT, USR1, USR2 and TERM.
	private static final long DAEMON_SIGNALS = (1L << 0) | (1L << 1) | (1L << 9) | (1L << 11) | (1L << 14);

	private static final String TEMURIN_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

	@RegisterExtension
	final Daemons daemons = new Daemons();

	@Test
	void whenLaunchedUnderNohupWithSignalsIgnoredAndBlockedThenTheDaemonStartsWithEveryHandlerInPlace()
			throws IOException, InterruptedException {
		int port = Daemons.freePort();
		// A script that ignores TERM, nohup that ignores HUP, sh's "&" that ignores INT and
		// QUIT, and a blocked USR1: all inherited by whatever the launcher starts.
		Launch run = this.daemons.run(List.of("env", "--block-signal=USR1", "sh", "-c",
				"trap '' TERM; nohup \"$@\" & wait $!", "sh", Daemons.JAVA, "-jar", "app.jar", "--daemon.enabled=true",
				"--server.port=" + port), Map.of())
			.assertStarted();
		long pid = run.pid();
		ProcInfo daemon = ProcInfo.of(pid);
		assertThat(Long.parseUnsignedLong(daemon.status("SigIgn:"), 16) & DAEMON_SIGNALS).as("ignored").isZero();
		assertThat(Long.parseUnsignedLong(daemon.status("SigBlk:"), 16)).as("blocked").isZero();
		Path output = this.daemons.file("sample-app.out");
		assertThat(output).content().doesNotContain("cannot act on it");
		Files.move(output, this.daemons.file("sample-app.out.1"));
		Daemons.signal("HUP", pid);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.exists(output)
					&& Files.readString(output).contains("Reopened output " + output + " on SIGHUP"));
		Daemons.signal("INT", pid);
		await().atMost(Duration.ofSeconds(30)).until(() -> ProcInfo.hasExited(pid));
		assertThat(this.daemons.file("sample-app.pid")).as("removed on graceful shutdown").doesNotExist();
		assertThat(output).content().contains("Graceful shutdown complete");
	}

	@Test
	void whenArgumentsNameFilesOrHoldBytesTheLocaleCannotDecodeThenTheyReachTheDaemonByteForByte()
			throws IOException {
		int port = Daemons.freePort();
		Files.createDirectories(this.daemons.file("dev"));
		Files.createDirectories(this.daemons.file("sample-app"));
		// The shell writes the UTF-8 bytes of "h\u00e9llo"; the JVMs run under the C locale,
		// as under cron, and cannot decode them.
		String script = "exec \"$@\" \"--sample.greeting=$(printf 'h\\303\\251llo')\" dev ''";
		Launch run = this.daemons.run(List.of("sh", "-c", script, "sh", Daemons.JAVA, "-jar", "app.jar",
				"--daemon.enabled=true", "--server.port=" + port, "--spring.profiles.active=dev",
				"--spring.application.name=sample-app"), Map.of("LC_ALL", "C", "LANG", "C"))
			.assertStarted();
		String cmdline = new String(Files.readAllBytes(Path.of("/proc/" + run.pid() + "/cmdline")),
				StandardCharsets.ISO_8859_1);
		assertThat(cmdline).endsWith("/app.jar\0--daemon.enabled=true\0--server.port=" + port
				+ "\0--spring.profiles.active=dev\0--spring.application.name=sample-app\0--sample.greeting=h\u00c3\u00a9llo"
				+ "\0dev\0\0");
		assertThat(Daemons.get(port, "/")).isEqualTo("Hello from a daemon\n");
		assertThat(this.daemons.file("sample-app.pid")).exists();
		assertThat(this.daemons.file("sample-app.out")).content()
			.contains("The following 1 profile is active: \"dev\"");
	}

	@Test
	void whenStartedThroughThePropertiesLauncherWithARelativeClassPathThenTheDaemonFindsItsLoaderProperties()
			throws IOException {
		int port = Daemons.freePort();
		Files.writeString(this.daemons.file("loader.properties"), "loader.system=true\nserver.port=" + port + "\n");
		Launch run = this.daemons.run(List.of(Daemons.JAVA, "org.springframework.boot.loader.launch.PropertiesLauncher",
				"--daemon.enabled=true"), Map.of("CLASSPATH", "app.jar"))
			.assertStarted();
		assertThat(run.stderr()).isEmpty();
		assertThat(Daemons.get(port, "/")).isEqualTo("Hello from a daemon\n");
	}

	@Test
	void whenLaunchedOnJava25WithoutNativeAccessInTheManifestThenNeitherJvmWarnsAndDenialDoesNotStopTheDaemon()
			throws Exception {
		assertThat(Path.of(TEMURIN_25)).as("Temurin 25, which CI's machine has").exists();
		int port = Daemons.freePort();
		// On a class path, not -jar: the manifest's Enable-Native-Access does not apply;
		// and with native access denied, as a future JDK may do by default.
		Launch run = this.daemons.run(List.of(TEMURIN_25, "--illegal-native-access=deny", "-cp", "app.jar",
				"org.springframework.boot.loader.launch.JarLauncher", "--daemon.enabled=true", "--server.port=" + port),
				Map.of())
			.assertStarted();
		assertThat(run.stderr()).isEmpty();
		assertThat(run.stdout().lines()).hasSize(1);
		assertThat(Daemons.get(port, "/")).isEqualTo("Hello from a daemon\n");
		assertThat(ProcInfo.of(run.pid()).commandLine()).contains("--enable-native-access=ALL-UNNAMED");
		assertThat(this.daemons.file("sample-app.out")).content()
			.contains("Started SampleApplication")
			.doesNotContain("WARNING: A restricted method");
	}

	@Test
	void whenAJvmInTheForegroundDeniesNativeAccessThenItSaysInOneLineWhatToAdd() {
		Launch run = this.daemons.run(List.of(TEMURIN_25, "--illegal-native-access=deny", "-cp", "app.jar",
				"org.springframework.boot.loader.launch.JarLauncher", "--daemon.enabled=true", "--daemon.detach=never",
				"--daemon.output=console"), Map.of());
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr().strip()).startsWith("sample-app cannot start as a daemon: this JVM denies JNA native "
				+ "access (").endsWith("add --enable-native-access=ALL-UNNAMED to its options, as the launcher does "
						+ "for a daemon it starts")
			.doesNotContain("\n");
	}

}
