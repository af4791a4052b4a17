package dev.bootdaemon.startup;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.bootdaemon.startup.Handoff.Attached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link StartupChannel} and {@link StartupReporter} over a real Unix socket.
 */
class StartupChannelTests {

	private static final long OUR_PID = ProcessHandle.current().pid();

	private static final Attached ATTACHED = new Attached("app", "/run/app.pid", "output /var/log/app.out",
			"/var/log/app.out", Duration.ofSeconds(90), 0, "");

	@Test
	void whenTheDaemonSaysReadyThenTheOutcomeIsReady() throws IOException {
		assertThat(exchange(StartupReporter::ready)).isEqualTo(StartupOutcome.of(StartupOutcome.Kind.READY));
	}

	@Test
	void whenTheDaemonFailsThenItsReasonArrives() throws IOException {
		String reason = "Description:\n\nPort 8080 was already in use. ünïcode";
		assertThat(exchange((reporter) -> reporter.failed(reason)))
			.isEqualTo(new StartupOutcome(StartupOutcome.Kind.FAILED, reason));
	}

	@Test
	void whenTheDaemonHangsUpSilentlyThenItExited() throws IOException {
		try (StartupChannel channel = StartupChannel.open()) {
			connect(channel).close();
			assertThat(channel.await(OUR_PID, Duration.ofSeconds(10)).kind()).isEqualTo(StartupOutcome.Kind.EXITED);
		}
	}

	@Test
	void whenNobodyConnectsAndTheProcessIsDeadThenItExited() throws Exception {
		Process done = new ProcessBuilder("true").start();
		done.waitFor();
		try (StartupChannel channel = StartupChannel.open()) {
			assertThat(channel.await(done.pid(), Duration.ofSeconds(10)).kind())
				.isEqualTo(StartupOutcome.Kind.EXITED);
		}
	}

	@Test
	void whenNobodyConnectsAndTheProcessExitedUnreapedThenItExited() throws Exception {
		// The background sleep exits; the exec'd sleep, now its parent, never reaps it.
		Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & exec sleep 30").start();
		try (StartupChannel channel = StartupChannel.open()) {
			ProcessHandle zombie = await().until(() -> parent.children().findFirst(), Optional::isPresent).get();
			assertThat(channel.await(zombie.pid(), Duration.ofSeconds(10)).kind())
				.isEqualTo(StartupOutcome.Kind.EXITED);
			assertThat(zombie.isAlive()).as("the JDK still counts the zombie alive").isTrue();
		}
		finally {
			parent.destroyForcibly();
		}
	}

	@Test
	void whenTheDaemonSaysNothingInTimeThenItTimedOutAndTheConnectionIsClosed() throws IOException {
		try (StartupChannel channel = StartupChannel.open(); SocketChannel daemon = connect(channel)) {
			assertThat(channel.await(OUR_PID, Duration.ofMillis(300)).kind())
				.isEqualTo(StartupOutcome.Kind.TIMED_OUT);
			// The launcher's end is closed: the daemon reads the end of the stream.
			assertThat(daemon.read(ByteBuffer.allocate(1))).isEqualTo(-1);
		}
	}

	@Test
	void whenTheContextStartedButRunnersOutlastTheTimeoutThenTheOutcomeSaysSo() throws IOException {
		try (StartupChannel channel = StartupChannel.open()) {
			StartupReporter reporter = StartupReporter.connect(channel.address());
			reporter.started();
			StartupOutcome outcome = channel.await(OUR_PID, Duration.ofMillis(300));
			assertThat(outcome.kind()).isEqualTo(StartupOutcome.Kind.TIMED_OUT);
			assertThat(outcome.runnersStillRunning()).isTrue();
		}
	}

	@Test
	void whenTheDaemonSaysStartedThenReadyThenTheOutcomeIsReady() throws IOException {
		assertThat(exchange((reporter) -> {
			reporter.started();
			reporter.ready();
		})).isEqualTo(StartupOutcome.of(StartupOutcome.Kind.READY));
	}

	@Test
	void whenAnEarlyDaemonAttachesThenReadyThenTheOutcomeIsReadyWithItsSettings() throws IOException {
		StartupOutcome outcome = exchange((reporter) -> {
			reporter.attached(ATTACHED);
			reporter.started();
			reporter.ready();
		});
		assertThat(outcome.kind()).isEqualTo(StartupOutcome.Kind.READY);
		assertThat(outcome.attached()).isEqualTo(ATTACHED);
	}

	@Test
	void whenAnEarlyDaemonIsRefusedThenWhatToPrintArrives() throws IOException {
		String refusal = "app cannot start as a daemon: already running as pid 42 (pidfile /run/app.pid is locked)";
		assertThat(exchange((reporter) -> reporter.refused(refusal)))
			.isEqualTo(new StartupOutcome(StartupOutcome.Kind.REFUSED, refusal));
	}

	@Test
	void whenAnEarlyDaemonFallsBackThenTheOutcomeSaysSo() throws IOException {
		assertThat(exchange(StartupReporter::fallback).kind()).isEqualTo(StartupOutcome.Kind.FALLBACK);
	}

	@Test
	void whenAnEarlyDaemonSaysItsStartupTimeoutThenTheLauncherWaitsThatLong() throws IOException {
		try (StartupChannel channel = StartupChannel.open()) {
			StartupReporter.connect(channel.address())
				.attached(new Attached("app", "/run/app.pid", "output none", "", Duration.ofMillis(300), 0, ""));
			long begin = System.nanoTime();
			StartupOutcome outcome = channel.await(OUR_PID, Duration.ofSeconds(60));
			assertThat(outcome.kind()).isEqualTo(StartupOutcome.Kind.TIMED_OUT);
			assertThat(outcome.attached()).isNotNull();
			assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
		}
	}

	@Test
	void whenClosedThenTheSocketAndItsPrivateDirectoryAreGone() throws IOException {
		StartupChannel channel = StartupChannel.open();
		Path directory = channel.address().getParent();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
		channel.close();
		assertThat(directory).doesNotExist();
	}

	private static SocketChannel connect(StartupChannel channel) throws IOException {
		return SocketChannel.open(UnixDomainSocketAddress.of(channel.address()));
	}

	private StartupOutcome exchange(Consumer<StartupReporter> daemon) throws IOException {
		try (StartupChannel channel = StartupChannel.open()) {
			CompletableFuture<Void> sent = CompletableFuture
				.runAsync(() -> daemon.accept(StartupReporter.connect(channel.address())));
			StartupOutcome outcome = channel.await(OUR_PID, Duration.ofSeconds(10));
			sent.join();
			return outcome;
		}
	}

}
