package dev.bootdaemon.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.bootdaemon.sample.Daemons.Launch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pidfile of a real daemon: one instance per pidfile, stale ones taken over.
 */
class PidFileIT {

	@RegisterExtension
	final Daemons daemons = new Daemons();

	@Test
	void whenAlreadyRunningThenASecondStartIsRefusedAndTheFirstUntouched() throws IOException {
		long pid = this.daemons.launch("--daemon.enabled=true", "--server.port=" + Daemons.freePort())
			.assertStarted()
			.pid();
		Path pidFile = this.daemons.file("sample-app.pid");
		Object inode = Files.readAttributes(pidFile, BasicFileAttributes.class).fileKey();
		Launch second = this.daemons.launch("--daemon.enabled=true", "--server.port=" + Daemons.freePort());
		assertThat(second.exitCode()).isEqualTo(1);
		assertThat(second.stdout()).isEmpty();
		assertThat(second.stderr().strip()).isEqualTo("sample-app cannot start as a daemon: already running as pid "
				+ pid + " (pidfile " + pidFile + " is locked)");
		assertThat(ProcessHandle.of(pid)).hasValueSatisfying((daemon) -> assertThat(daemon.isAlive()).isTrue());
		assertThat(pidFile).hasContent(pid + "\n");
		assertThat(Files.readAttributes(pidFile, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
	}

	@Test
	void whenThePidFileIsStaleThenItIsTakenOverWithAWarning() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Path pidFile = Files.writeString(this.daemons.file("sample-app.pid"), gone.pid() + "\n");
		long pid = this.daemons.launch("--daemon.enabled=true", "--server.port=" + Daemons.freePort())
			.assertStarted()
			.pid();
		assertThat(pidFile).hasContent(pid + "\n");
		assertThat(Files.readString(this.daemons.file("sample-app.out")))
			.contains("Taking over stale pidfile " + pidFile + " (pid " + gone.pid() + " is not running)");
	}

	@Test
	void whenOnlySpringPidFileIsSetThenItIsThePidFile() {
		long pid = this.daemons
			.launch("--daemon.enabled=true", "--server.port=" + Daemons.freePort(), "--spring.pid.file=boot.pid")
			.assertStarted()
			.pid();
		assertThat(this.daemons.file("boot.pid")).hasContent(pid + "\n");
		assertThat(this.daemons.file("sample-app.pid")).doesNotExist();
	}

}
