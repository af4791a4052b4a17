package dev.bootdaemon.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code daemon.aot-cache} on Temurin 25 with Spring Boot's extracted layout: the first
 * start trains the cache, written when the daemon stops; the next one uses it; a new jar
 * trains it again; a fat jar is told to extract first.
 */
class AotCacheIT {

	private static final String TEMURIN_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

	@RegisterExtension
	final Daemons daemons = new Daemons();

	private Path extracted;

	@BeforeEach
	void extract() throws Exception {
		assertThat(Path.of(TEMURIN_25)).as("Temurin 25, which CI's machine has").exists();
		Launch extract = this.daemons.run(List.of(TEMURIN_25, "-Djarmode=tools", "-jar", "app.jar", "extract",
				"--destination", "extracted"), Map.of());
		assertThat(extract.exitCode()).as(extract.stdout() + extract.stderr()).isZero();
		this.extracted = this.daemons.file("extracted/app.jar");
		assertThat(this.extracted).exists();
	}

	@Test
	void whenStartedTwiceThenTheFirstRunTrainsTheCacheQuietlyAndTheSecondUsesIt() throws Exception {
		Path cache = this.daemons.file("app.aot");
		Launch first = start();
		assertThat(ProcInfo.of(first.pid()).commandLine()).contains("-XX:AOTCacheOutput=" + cache);
		assertThat(stop().exitCode()).isZero();
		assertThat(cache).as("written when the daemon stopped").exists();
		// Training says one line, not one a class it skips.
		assertThat(Files.readAllLines(this.daemons.file("sample-app.out")))
			.noneMatch((line) -> line.contains("[warning][aot]"))
			.anyMatch((line) -> line.startsWith("AOTCache creation is complete"));
		Launch second = start();
		assertThat(ProcInfo.of(second.pid()).commandLine()).contains("-XX:AOTCache=" + cache);
		assertThat(this.daemons.file("sample-app.out")).content()
			.contains("Started with the AOT cache " + cache)
			.doesNotContain("error has occurred while processing the AOT cache");
		assertThat(stop().exitCode()).isZero();
		// A new jar: the cache, made for the old one, is trained again.
		Files.setLastModifiedTime(this.extracted, FileTime.from(Instant.now()));
		Launch third = start();
		assertThat(ProcInfo.of(third.pid()).commandLine()).contains("-XX:AOTCacheOutput=" + cache);
		stop();
	}

	@Test
	void whenATrainingDaemonIsKilledBeforeItsCacheIsWrittenThenStopSaysSoAndLeavesNothing() throws Exception {
		Path cache = this.daemons.file("app.aot");
		long pid = start().pid();
		Launch stop = this.daemons.run(List.of(TEMURIN_25, "-jar", this.extracted.toString(), "--daemon.command=stop",
				"--daemon.pid-file=sample-app.pid", "--daemon.stop-timeout=300ms"), Map.of());
		assertThat(stop.exitCode()).as(stop.stderr()).isZero();
		assertThat(stop.stdout().strip()).isEqualTo("sample-app killed with SIGKILL after 300ms (pid " + pid
				+ "); its AOT cache " + cache + " was not written (killed while training; give daemon.stop-timeout the "
				+ "time the cache takes), the next start trains it again");
		assertThat(cache).doesNotExist();
		assertThat(this.daemons.file("app.aot.config")).doesNotExist();
		// No cache writer goes on: nothing but the test itself has the cache in its environment.
		Thread.sleep(2000);
		assertThat(cache).doesNotExist();
		Launch again = start();
		assertThat(ProcInfo.of(again.pid()).commandLine()).contains("-XX:AOTCacheOutput=" + cache);
		stop();
	}

	@Test
	void whenLaunchedWithAClassPathThenAChangedJarOnItTrainsTheCacheAgain() throws Exception {
		Path cache = this.daemons.file("app.aot");
		List<String> classPath = List.of("-cp", this.extracted.toString(), "dev.bootdaemon.sample.SampleApplication");
		Launch first = start(classPath);
		assertThat(ProcInfo.of(first.pid()).commandLine()).contains("-XX:AOTCacheOutput=" + cache);
		assertThat(stop(classPath).exitCode()).isZero();
		Launch second = start(classPath);
		assertThat(ProcInfo.of(second.pid()).commandLine()).contains("-XX:AOTCache=" + cache);
		assertThat(stop(classPath).exitCode()).isZero();
		// A redeployed library, named by the jar's manifest: new code, so a new cache.
		try (var jars = Files.list(this.daemons.file("extracted/lib"))) {
			Path library = jars.filter((jar) -> jar.getFileName().toString().startsWith("spring-web-")).findFirst()
				.orElseThrow();
			Files.setLastModifiedTime(library, FileTime.from(Instant.now()));
		}
		Launch third = start(classPath);
		assertThat(ProcInfo.of(third.pid()).commandLine()).contains("-XX:AOTCacheOutput=" + cache);
		stop(classPath);
	}

	@Test
	void whenStartedAsRootWithAUserThenTheCacheIsTheUsersOrTrainingIsOffWithAWarning() throws Exception {
		Files.setPosixFilePermissions(this.daemons.directory(), PosixFilePermissions.fromString("rwxr-xr-x"));
		Path userDirectory = Files.createDirectory(this.daemons.file("cache"));
		Process chown = new ProcessBuilder("chown", "bootdaemon:", userDirectory.toString()).start();
		assertThat(chown.waitFor()).isZero();
		Launch rootDirectory = start(List.of("-jar", this.extracted.toString()), this.daemons.file("app.aot"),
				"--daemon.user=bootdaemon");
		assertThat(rootDirectory.stderr()).contains("Warning: daemon.aot-cache " + this.daemons.file("app.aot")
				+ ": bootdaemon, who writes the cache when the daemon stops, cannot write " + this.daemons.directory());
		assertThat(ProcInfo.of(rootDirectory.pid()).commandLine()).noneMatch((arg) -> arg.startsWith("-XX:AOT"));
		assertThat(stop().exitCode()).isZero();
		Path cache = userDirectory.resolve("app.aot");
		Launch trained = start(List.of("-jar", this.extracted.toString()), cache, "--daemon.user=bootdaemon");
		assertThat(ProcInfo.of(trained.pid()).commandLine()).contains("-XX:AOTCacheOutput=" + cache);
		assertThat(stop().exitCode()).isZero();
		assertThat(Files.getOwner(cache).getName()).isEqualTo("bootdaemon");
		assertThat(Files.getOwner(userDirectory.resolve("app.aot.stamp")).getName()).isEqualTo("bootdaemon");
	}

	@Test
	void whenTheJarIsAFatJarThenTheLauncherSaysToExtractItAndStartsWithoutACache() {
		Launch fat = this.daemons.run(List.of(TEMURIN_25, "-jar", "app.jar", "--daemon.enabled=true",
				"--daemon.aot-cache=app.aot", "--server.port=" + Daemons.freePort()), Map.of())
			.assertStarted();
		assertThat(fat.stderr()).contains("daemon.aot-cache: the JDK caches no class from a fat jar's nested jars")
			.contains("java -Djarmode=tools -jar app.jar extract");
		assertThat(ProcInfo.of(fat.pid()).commandLine()).noneMatch((arg) -> arg.startsWith("-XX:AOT"));
	}

	private Launch start() {
		return start(List.of("-jar", this.extracted.toString()));
	}

	private Launch start(List<String> main) {
		return start(main, this.daemons.file("app.aot"));
	}

	private Launch start(List<String> main, Path cache, String... args) {
		List<String> command = new ArrayList<>(List.of(TEMURIN_25));
		command.addAll(main);
		command.addAll(List.of("--daemon.enabled=true", "--daemon.aot-cache=" + cache, "--daemon.pid-file=sample-app.pid",
				"--daemon.output-file=sample-app.out", "--server.port=" + Daemons.freePort()));
		command.addAll(List.of(args));
		return this.daemons.run(command, Map.of()).assertStarted();
	}

	private Launch stop() {
		return stop(List.of("-jar", this.extracted.toString()));
	}

	private Launch stop(List<String> main) {
		List<String> command = new ArrayList<>(List.of(TEMURIN_25));
		command.addAll(main);
		command.addAll(List.of("--daemon.command=stop", "--daemon.pid-file=sample-app.pid"));
		return this.daemons.run(command, Map.of());
	}

}
