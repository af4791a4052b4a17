package dev.bootdaemon.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configurations that cannot work are refused by the launcher before it detaches: one
 * clear line naming the property and value, exit status 1, nothing left behind.
 */
class BadInputIT {

	@RegisterExtension
	final Daemons daemons = new Daemons();

	static Stream<Arguments> badInput() {
		return Stream.of(
				bad("--daemon.umask=999", "Invalid value '999' for property 'daemon.umask': must be an octal number"),
				bad("--daemon.umask=abc", "Invalid value 'abc' for property 'daemon.umask': must be an octal number"),
				bad("--daemon.pid-file=/no/such/dir/app.pid",
						"Invalid value '/no/such/dir/app.pid' for property 'daemon.pid-file': directory /no/such/dir does not exist"),
				bad("--daemon.pid-file=/proc/app.pid",
						"Invalid value '/proc/app.pid' for property 'daemon.pid-file': directory /proc is not writable"),
				bad("--daemon.pid-file=.", "for property 'daemon.pid-file': is a directory"),
				bad("--daemon.output-file=/no/such/dir/app.out",
						"Invalid value '/no/such/dir/app.out' for property 'daemon.output-file': directory /no/such/dir does not exist"),
				bad("--daemon.output-file=/proc/app.out",
						"Invalid value '/proc/app.out' for property 'daemon.output-file': directory /proc is not writable"),
				bad("--daemon.startup-timeout=0s",
						"Invalid value '0s' for property 'daemon.startup-timeout': must be positive"),
				bad("--daemon.startup-timeout=-5s",
						"Invalid value '-5s' for property 'daemon.startup-timeout': must be positive"),
				bad("--daemon.startup-timeout=soon", "Invalid value 'soon' for property 'daemon.startup-timeout'"),
				bad("--daemon.output=printer", "Invalid value 'printer' for property 'daemon.output'"),
				bad("--daemon.working-directory=/no/such/dir",
						"Invalid value '/no/such/dir' for property 'daemon.working-directory': no such directory"),
				bad("--daemon.enabled=maybe", "Invalid value 'maybe' for property 'daemon.enabled'"),
				bad("--daemon.syslog.address=ftp://example.org", "Invalid value 'ftp://example.org' for property "
						+ "'daemon.syslog.address': expected /dev/log, unix:///path, udp://host:port or tcp://host:port"),
				bad("--daemon.syslog.facility=mail2", "Invalid value 'mail2' for property 'daemon.syslog.facility'"),
				bad("--daemon.command=explode", "Invalid value 'explode' for property 'daemon.command'"),
				bad("--daemon.detach=sometimes", "Invalid value 'sometimes' for property 'daemon.detach'"),
				bad("--daemon.stop-timeout=0s", "Invalid value '0s' for property 'daemon.stop-timeout': must be positive"),
				bad("--daemon.user=no-such-user-here",
						"Invalid value 'no-such-user-here' for property 'daemon.user': no such user"),
				bad("--daemon.group=daemon",
						"Invalid value 'daemon' for property 'daemon.group': needs daemon.user to be set too"),
				Arguments.of(List.of("-Dos.name=Darwin"), "--daemon.umask=022",
						"Invalid value 'true' for property 'daemon.enabled': daemon mode is supported on Linux only, not on Darwin"));
	}

	private static Arguments bad(String argument, String message) {
		return Arguments.of(List.of(), argument, message);
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("badInput")
	void whenAValueCannotWorkThenTheLauncherRefusesItBeforeDetaching(List<String> jvmOptions, String argument,
			String message) throws IOException {
		List<String> args = new ArrayList<>();
		if (!argument.startsWith("--daemon.enabled")) {
			args.add("--daemon.enabled=true");
		}
		if (argument.startsWith("--daemon.syslog")) {
			args.add("--daemon.output=syslog");
		}
		args.add(argument);
		args.add("--server.port=" + Daemons.freePort());
		Launch launch = this.daemons.launch(jvmOptions, args.toArray(String[]::new));
		assertThat(launch.exitCode()).isEqualTo(1);
		assertThat(launch.stdout()).isEmpty();
		assertThat(launch.stderr().lines()).singleElement().asString().contains(message);
		try (var files = Files.list(this.daemons.directory())) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("app.jar");
		}
		assertThat(ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().orElse("").contains(this.daemons.directory().toString())))
			.isEmpty();
	}

}
