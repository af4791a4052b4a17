package dev.bootdaemon.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With daemon mode off the starter is invisible: the app runs in the foreground, JNA
 * and the launcher are never loaded, and no file is created.
 */
class DisabledIT {

	private static final Pattern STARTER_CLASS = Pattern.compile("class,load\\] (dev\\.bootdaemon\\.(?!sample)\\S+) ");

	@RegisterExtension
	final Daemons daemons = new Daemons();

	@Test
	void whenDisabledThenNothingIsLoadedOrWritten() throws IOException {
		Launch run = this.daemons.launch(List.of("-verbose:class"), "--daemon.enabled=false",
				"--spring.main.web-application-type=none");
		assertThat(run.exitCode()).isZero();
		assertThat(run.stdout()).contains("Started SampleApplication")
			.contains("dev.bootdaemon.entry.DaemonRunListener")
			.doesNotContain("com.sun.jna")
			.doesNotContain("dev.bootdaemon.posix")
			.doesNotContain("dev.bootdaemon.pidfile")
			.doesNotContain("dev.bootdaemon.launch.Launcher")
			.doesNotContain("dev.bootdaemon.entry.DaemonCommand")
			.doesNotContain("dev.bootdaemon.settings.DaemonSettings")
			.doesNotContain("started as daemon");
		// Exactly the early start's check, the run listener (with its listener and one
		// lambda), the decision it asks and the config location post-processor: nothing
		// of the daemon itself.
		Matcher loaded = STARTER_CLASS.matcher(run.stdout());
		Set<String> classes = new TreeSet<>();
		while (loaded.find()) {
			classes.add(loaded.group(1).replaceAll("\\$\\$Lambda.*", "\\$\\$Lambda"));
		}
		assertThat(classes).containsExactly("dev.bootdaemon.daemon.LaunchDirectoryConfigLocations",
				"dev.bootdaemon.entry.DaemonMode", "dev.bootdaemon.entry.DaemonRunListener",
				"dev.bootdaemon.entry.DaemonRunListener$$Lambda",
				"dev.bootdaemon.entry.DaemonRunListener$ConfigurationLoaded", "dev.bootdaemon.entry.EarlyLaunch",
				"dev.bootdaemon.entry.EarlyLaunch$Lookup");
		try (var files = Files.list(this.daemons.directory())) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("app.jar");
		}
	}

	@Test
	void whenAbsentThenTheApplicationRunsInTheForeground() {
		Launch run = this.daemons.launch("--spring.main.web-application-type=none");
		assertThat(run.exitCode()).isZero();
		assertThat(run.stdout()).contains("Started SampleApplication").doesNotContain("started as daemon");
		assertThat(run.stderr()).isEmpty();
	}

}
