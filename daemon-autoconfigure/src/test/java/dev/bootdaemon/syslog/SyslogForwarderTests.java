package dev.bootdaemon.syslog;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import dev.bootdaemon.posix.PosixProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SyslogForwarder}, delivering to a real UDP receiver on the loopback
 * address; delivery to a real rsyslogd is tested in the sample app's {@code SyslogIT}.
 */
class SyslogForwarderTests {

	private DatagramChannel receiver;

	private final PipedOutputStream stdout = new PipedOutputStream();

	private final PipedOutputStream stderr = new PipedOutputStream();

	@BeforeEach
	void listen() throws IOException {
		this.receiver = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
	}

	@AfterEach
	void close() throws IOException {
		this.stdout.close();
		this.stderr.close();
		this.receiver.close();
	}

	@Test
	void whenTheFacilityIsUnknownThenItIsRefused() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> SyslogForwarder.validate("/dev/log", "mail2"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("daemon.syslog.facility"))
			.satisfies((ex) -> assertThat(ex.getValue()).isEqualTo("mail2"))
			.satisfies((ex) -> assertThat(ex.getReason()).startsWith("expected one of kern,"));
	}

	@Test
	void whenFlushedThenEveryLineIsDeliveredTheLastOneEvenWithoutItsNewline() throws IOException {
		SyslogForwarder forwarder = startForwarder();
		this.stdout.write("first\nsecond\nlast without newline".getBytes(StandardCharsets.UTF_8));
		this.stderr.write("trouble\n".getBytes(StandardCharsets.UTF_8));
		this.stdout.flush();
		forwarder.flush(Duration.ofSeconds(5));
		assertThat(forwarder.delivered()).isEqualTo(4);
		assertThat(received(4)).containsExactlyInAnyOrder("<30>first", "<30>second", "<30>last without newline",
				"<27>trouble");
		assertThat(forwarder.dropped()).isZero();
	}

	@Test
	void whenForwardingThenItsThreadsAreBatchThreadsThatDoNotPreemptWhoWakesThem() throws IOException {
		SyslogForwarder forwarder = startForwarder();
		this.stdout.write("started\n".getBytes(StandardCharsets.UTF_8));
		this.stdout.flush();
		forwarder.flush(Duration.ofSeconds(5));
		assertThat(received(1)).containsExactly("<30>started");
		// SCHED_BATCH is 3; other tests' forwarders may still run, batch too.
		assertThat(forwardingThreadPolicies()).hasSizeGreaterThanOrEqualTo(3).containsOnly(3);
	}

	// The scheduling policy of each thread of this JVM named syslog-*, field 41 of
	// /proc/self/task/TID/stat.
	private static List<Integer> forwardingThreadPolicies() throws IOException {
		List<Integer> policies = new ArrayList<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : tasks.toList()) {
				if (Files.readString(task.resolve("comm")).startsWith("syslog-")) {
					String stat = Files.readString(task.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					policies.add(Integer.parseInt(fields[41 - 3]));
				}
			}
		}
		return policies;
	}

	// What the daemon's descriptors 1 and 2 would be, read by a forwarder to the receiver.
	private SyslogForwarder startForwarder() throws IOException {
		InetSocketAddress address = (InetSocketAddress) this.receiver.getLocalAddress();
		SyslogAddress syslog = SyslogAddress.parse("udp://127.0.0.1:" + address.getPort());
		SyslogForwarder forwarder = new SyslogForwarder(PosixProvider.posix(), syslog, SyslogFormat.RFC5424, "daemon", "test",
				10);
		forwarder.start(new PipedInputStream(this.stdout, 65536), new PipedInputStream(this.stderr, 65536));
		return forwarder;
	}

	// Each message's priority and text: "<PRI>1 timestamp host tag pid - - text".
	private List<String> received(int count) throws IOException {
		List<String> messages = new ArrayList<>();
		this.receiver.configureBlocking(false);
		ByteBuffer buffer = ByteBuffer.allocate(4096);
		try (Selector selector = Selector.open()) {
			this.receiver.register(selector, SelectionKey.OP_READ);
			while (messages.size() < count && selector.select(5000) > 0) {
				selector.selectedKeys().clear();
				buffer.clear();
				while (this.receiver.receive(buffer) != null) {
					messages.add(body(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)));
					buffer.clear();
				}
			}
		}
		return messages;
	}

	private static String body(String message) {
		String[] fields = message.split(" ", 8);
		return fields[0].substring(0, fields[0].indexOf('>') + 1) + fields[7];
	}

}
