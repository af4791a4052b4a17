package dev.bootdaemon.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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
	void whenStartedTwiceThenTheFirstRunTrainsTheCacheAndTheSecondUsesIt() throws Exception {
		Path cache = this.daemons.file("app.aot");
		Launch first = start();
		assertThat(ProcInfo.of(first.pid()).commandLine()).contains("-XX:AOTCacheOutput=" + cache);
		assertThat(stop().exitCode()).isZero();
		assertThat(cache).as("written when the daemon stopped").exists();
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
	void whenTheJarIsAFatJarThenTheLauncherSaysToExtractItAndStartsWithoutACache() {
		Launch fat = this.daemons.run(List.of(TEMURIN_25, "-jar", "app.jar", "--daemon.enabled=true",
				"--daemon.aot-cache=app.aot", "--server.port=" + Daemons.freePort()), Map.of())
			.assertStarted();
		assertThat(fat.stderr()).contains("daemon.aot-cache: the JDK caches no class from a fat jar's nested jars")
			.contains("java -Djarmode=tools -jar app.jar extract");
		assertThat(ProcInfo.of(fat.pid()).commandLine()).noneMatch((arg) -> arg.startsWith("-XX:AOT"));
	}

	private Launch start() {
		return this.daemons.run(List.of(TEMURIN_25, "-jar", this.extracted.toString(), "--daemon.enabled=true",
				"--daemon.aot-cache=app.aot", "--daemon.pid-file=sample-app.pid", "--daemon.output-file=sample-app.out",
				"--server.port=" + Daemons.freePort()), Map.of())
			.assertStarted();
	}

	private Launch stop() {
		return this.daemons.run(List.of(TEMURIN_25, "-jar", this.extracted.toString(), "--daemon.command=stop",
				"--daemon.pid-file=sample-app.pid"), Map.of());
	}

}
