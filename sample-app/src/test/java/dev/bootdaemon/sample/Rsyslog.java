package dev.bootdaemon.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * A private rsyslogd for one test: a Unix socket in a temporary directory and loopback
 * UDP and TCP ports, writing every message as
 * {@code facility.severity tag msg} to a file (one space between tag and message,
 * whatever the format). It never touches /dev/log or /var/log,
 * and is killed after the test.
 */
class Rsyslog implements AfterEachCallback {

	private Path directory;

	private Process process;

	final int udpPort = Daemons.freePort();

	final int tcpPort = Daemons.freePort();

	Rsyslog start() throws IOException {
		if (this.directory == null) {
			this.directory = Files.createTempDirectory("rsyslog-it-");
		}
		Path config = this.directory.resolve("rsyslog.conf");
		Files.writeString(config, """
				global(workDirectory="%1$s")
				module(load="imuxsock" SysSock.Use="off")
				input(type="imuxsock" Socket="%1$s/log.sock" RateLimit.Interval="0" CreatePath="on")
				module(load="imudp")
				input(type="imudp" address="127.0.0.1" port="%2$d" RateLimit.Interval="0")
				module(load="imtcp")
				input(type="imtcp" address="127.0.0.1" port="%3$d")
				template(name="test" type="string" string="%%syslogfacility-text%%.%%syslogseverity-text%% %%syslogtag%%%%msg:::sp-if-no-1st-sp%%%%msg:::drop-last-lf%%\\n")
				*.* action(type="omfile" file="%1$s/messages" template="test")
				""".formatted(this.directory, this.udpPort, this.tcpPort));
		this.process = new ProcessBuilder("rsyslogd", "-n", "-f", config.toString(), "-i",
				this.directory.resolve("rsyslogd.pid").toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("rsyslogd.log").toFile()))
			.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(socket()));
		return this;
	}

	void kill() {
		this.process.destroyForcibly();
		this.process.onExit().join();
	}

	Path socket() {
		return this.directory.resolve("log.sock");
	}

	List<String> messages() {
		try {
			Path messages = this.directory.resolve("messages");
			return Files.exists(messages) ? Files.readAllLines(messages) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		if (this.process != null) {
			kill();
		}
		if (this.directory != null) {
			try (var files = Files.walk(this.directory)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

}
