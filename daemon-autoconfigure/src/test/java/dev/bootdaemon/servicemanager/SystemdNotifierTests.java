package dev.bootdaemon.servicemanager;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SystemdNotifier}. The datagrams themselves are checked against a real
 * socket in the sample app's {@code ServiceManagerIT}.
 */
class SystemdNotifierTests {

	private final Posix posix = PosixProvider.posix();

	@Test
	void whenNotifySocketIsAbsentThenThereIsNoNotifier() {
		assertThat(SystemdNotifier.fromEnvironment(this.posix, Map.of())).isNull();
		assertThat(SystemdNotifier.fromEnvironment(this.posix, Map.of("NOTIFY_SOCKET", ""))).isNull();
	}

	@Test
	void whenNotifySocketIsSetThenThereIsANotifier() {
		assertThat(SystemdNotifier.fromEnvironment(this.posix, Map.of("NOTIFY_SOCKET", "/run/systemd/notify")))
			.isNotNull();
	}

	@Test
	void whenTheWatchdogIsForUsThenItIsFedAtHalfItsInterval() {
		assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000")))
			.hasValue(Duration.ofSeconds(15));
		assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID",
				String.valueOf(ProcessHandle.current().pid()))))
			.hasValue(Duration.ofSeconds(15));
	}

	@Test
	void whenTheHealthCheckThrowsThenTheWatchdogIsStillFedOnceHealthy() {
		List<String> sent = new CopyOnWriteArrayList<>();
		SystemdNotifier notifier = new SystemdNotifier(recordingPosix(sent), "@notify", Duration.ofMillis(10));
		AtomicInteger checks = new AtomicInteger();
		notifier.ready("running", () -> {
			if (checks.incrementAndGet() == 1) {
				throw new IllegalStateException("health endpoint not ready");
			}
			return true;
		});
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> sent.stream().filter("WATCHDOG=1"::equals).count() >= 2);
		}
		finally {
			notifier.stopping("stopping");
		}
	}

	@Test
	void whenStartingThenTheStartTimeoutIsExtendedUntilReadyAndTheStatusFollowsEachStep() {
		List<String> sent = new CopyOnWriteArrayList<>();
		SystemdNotifier notifier = new SystemdNotifier(recordingPosix(sent), "@notify", null);
		notifier.starting("shop starting, pid 42", Duration.ofMinutes(1));
		await().atMost(Duration.ofSeconds(5)).until(() -> sent.contains("EXTEND_TIMEOUT_USEC=5000000"));
		notifier.ready("shop running as daemon, pid 42, port 8080", () -> true);
		int afterReady = sent.size();
		notifier.reloading();
		notifier.reloaded("shop running as daemon, pid 42, port 8080");
		notifier.stopping("shop stopping");
		assertThat(sent.get(0)).isEqualTo("STATUS=shop starting, pid 42");
		assertThat(sent.subList(afterReady - 1, sent.size())).satisfiesExactly(
				(ready) -> assertThat(ready).isEqualTo("READY=1\nMAINPID=" + ProcessHandle.current().pid()
						+ "\nSTATUS=shop running as daemon, pid 42, port 8080"),
				(reloading) -> assertThat(reloading).matches("RELOADING=1\nMONOTONIC_USEC=\\d+\nSTATUS=Reopening output"),
				(reloaded) -> assertThat(reloaded).isEqualTo("READY=1\nSTATUS=shop running as daemon, pid 42, port 8080"),
				(stopping) -> assertThat(stopping).isEqualTo("STOPPING=1\nSTATUS=shop stopping"));
	}

	@Test
	void whenAReloadComesBeforeTheStartIsDoneThenSystemdIsNotToldReady() {
		List<String> sent = new CopyOnWriteArrayList<>();
		SystemdNotifier notifier = new SystemdNotifier(recordingPosix(sent), "@notify", null);
		notifier.starting("shop starting, pid 42", Duration.ofMinutes(1));
		notifier.reloading();
		notifier.reloaded("shop starting, pid 42");
		assertThat(sent).noneMatch((message) -> message.startsWith("READY=1") || message.startsWith("RELOADING=1"));
		notifier.ready("shop running as daemon, pid 42", () -> true);
		assertThat(sent).filteredOn((message) -> message.startsWith("READY=1")).hasSize(1);
	}

	// libc's datagram send recorded instead of made: nothing here listens on the socket.
	private static Posix recordingPosix(List<String> sent) {
		return (Posix) Proxy.newProxyInstance(Posix.class.getClassLoader(), new Class<?>[] { Posix.class },
				(proxy, method, args) -> {
					if (method.getName().equals("sendDatagram")) {
						sent.add(new String((byte[]) args[1], StandardCharsets.UTF_8));
					}
					return null;
				});
	}

	@Test
	void whenTheWatchdogIsForAnotherProcessOrMalformedThenItIsNotFed() {
		assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "1")))
			.isEmpty();
		assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "soon"))).isEmpty();
		assertThat(SystemdNotifier.watchdogInterval(Map.of("WATCHDOG_USEC", "0"))).isEmpty();
		assertThat(SystemdNotifier.watchdogInterval(Map.of())).isEmpty();
	}

}
