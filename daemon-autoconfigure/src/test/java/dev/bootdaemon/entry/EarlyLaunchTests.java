package dev.bootdaemon.entry;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EarlyLaunch}'s decision, from the arguments, system properties and
 * default configuration files; the early start itself ends the launching process and is
 * tested on the real daemon in the sample app.
 */
class EarlyLaunchTests {

	@TempDir
	Path launchDirectory;

	@TempDir
	Path classPath;

	@Test
	void whenTheCommandLineAsksForDaemonModeThenTheDaemonStartsEarly() {
		assertThat(asks("--daemon.enabled=true", "--server.port=0")).isTrue();
		assertThat(asks("--daemon.enabled=TRUE", "--daemon.command=start", "--daemon.detach=always")).isTrue();
		assertThat(asks("--daemon.enabled=false", "--daemon.enabled=true")).as("the last value wins").isTrue();
	}

	@Test
	void whenTheCommandLineDoesNotSettleDaemonModeOrNeedsTheUsualStartThenNothingStartsEarly() {
		assertThat(asks("--server.port=0")).isFalse();
		assertThat(asks("--daemon.enabled=false")).isFalse();
		assertThat(asks("--daemon.enabled=maybe")).isFalse();
		for (String usual : new String[] { "--daemon.command=stop", "--daemon.detach=never", "--daemon.aot-cache=app.aot",
				"--daemon.working-directory=/srv", "--daemon.restart=on-failure" }) {
			assertThat(asks("--daemon.enabled=true", usual)).as(usual).isFalse();
		}
		assertThat(asks("--daemon.enabled=true", "--daemon.restart=no")).isTrue();
	}

	@Test
	void whenASystemPropertyAsksForDaemonModeThenTheDaemonStartsEarlyUnlessTheCommandLineSaysNo() {
		System.setProperty("daemon.enabled", "true");
		try {
			assertThat(asks()).isTrue();
			assertThat(asks("--daemon.enabled=false")).isFalse();
		}
		finally {
			System.clearProperty("daemon.enabled");
		}
	}

	@Test
	void whenOnlyAnApplicationPropertiesFileAsksForDaemonModeThenTheDaemonStartsEarly() throws IOException {
		write(this.classPath, "application.properties", "daemon.enabled=true");
		assertThat(asksWithFiles()).as("in the jar").isTrue();
		write(this.launchDirectory, "application.properties", "daemon.enabled=false");
		assertThat(asksWithFiles()).as("the launch directory's file first").isFalse();
		write(this.launchDirectory, "config/application.properties", "daemon.enabled = TRUE ");
		assertThat(asksWithFiles()).as("then its config/").isTrue();
		assertThat(asksWithFiles("--daemon.enabled=false")).as("the command line first").isFalse();
		assertThat(asks()).as("the files unread").isFalse();
	}

	@Test
	void whenTheFilesNeedTheUsualStartOrMayNotBeAllThenNothingStartsEarly() throws IOException {
		write(this.launchDirectory, "application.properties", "daemon.enabled=true\ndaemon.working-directory=/srv");
		assertThat(asksWithFiles()).isFalse();
		write(this.launchDirectory, "application.properties", "daemon.enabled=true");
		assertThat(asksWithFiles()).isTrue();
		assertThat(asksWithFiles("--spring.profiles.active=prod")).as("a profile's file may say otherwise").isFalse();
		assertThat(asksWithFiles("--spring.application.json={}")).as("so may the application JSON").isFalse();
		write(this.launchDirectory, "config/application-default.properties", "daemon.enabled=false");
		assertThat(asksWithFiles()).as("so may the default profile's file").isFalse();
		Files.delete(this.launchDirectory.resolve("config/application-default.properties"));
		write(this.classPath, "config/application.yml", "daemon:\n  enabled: false");
		assertThat(asksWithFiles()).as("a YAML file may say otherwise").isFalse();
	}

	private boolean asks(String... args) {
		return EarlyLaunch.asksForEarlyStart(args, null, getClass().getClassLoader());
	}

	private boolean asksWithFiles(String... args) throws IOException {
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { this.classPath.toUri().toURL() }, null)) {
			return EarlyLaunch.asksForEarlyStart(args, this.launchDirectory, classLoader);
		}
	}

	private static void write(Path directory, String name, String content) throws IOException {
		Path file = directory.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
