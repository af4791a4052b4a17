package dev.bootdaemon.syslog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SyslogTransport} against real sockets: each transport's framing, and
 * that a failed connection leaves no descriptor behind.
 */
class SyslogTransportTests {

	private final Posix posix = PosixProvider.posix();

	@TempDir
	Path directory;

	@Test
	void whenTcpThenEachMessageIsOctetCounted() throws IOException {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				SyslogTransport transport = SyslogTransport
					.connect(SyslogAddress.parse("tcp://127.0.0.1:" + server.getLocalPort()), this.posix);
				Socket accepted = server.accept()) {
			assertThat(transport.send(batch("<30>first", "<30>hello"), 1)).isEqualTo(1);
			assertThat(transport.send(batch("<30>again", "<30>and again"), 0)).isEqualTo(2);
			assertThat(read(accepted.getInputStream(), 38)).isEqualTo("9 <30>hello9 <30>again13 <30>and again");
		}
	}

	@Test
	void whenUdpThenEachMessageIsOneDatagram() throws IOException {
		try (DatagramChannel receiver = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
				SyslogTransport transport = SyslogTransport.connect(SyslogAddress
					.parse("udp://127.0.0.1:" + ((InetSocketAddress) receiver.getLocalAddress()).getPort()), this.posix)) {
			MessageBatch batch = batch("<30>hello", "<30>again");
			assertThat(transport.send(batch, 0)).isEqualTo(1);
			assertThat(transport.send(batch, 1)).isEqualTo(1);
			ByteBuffer buffer = ByteBuffer.allocate(100);
			for (String expected : new String[] { "<30>hello", "<30>again" }) {
				buffer.clear();
				receiver.receive(buffer);
				assertThat(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)).isEqualTo(expected);
			}
		}
	}

	@Test
	void whenTheUnixSocketIsAStreamThenMessagesEndWithNul() throws IOException {
		Path socket = this.directory.resolve("log.sock");
		try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
			.bind(UnixDomainSocketAddress.of(socket));
				SyslogTransport transport = SyslogTransport.connect(SyslogAddress.parse("unix://" + socket),
						this.posix);
				SocketChannel accepted = server.accept()) {
			transport.send(batch("<30>hello", "<30>again"), 0);
			assertThat(read(Channels.newInputStream(accepted), 20)).isEqualTo("<30>hello\0<30>again\0");
		}
	}

	@Test
	void whenTheUnixSocketIsADatagramSocketThenABatchLeavesInFewCallsEachMessageADatagramEvenTheLongest()
			throws Exception {
		Path socket = this.directory.resolve("dgram.sock");
		Process receiver = datagramReceiver(socket, 600);
		try {
			String[] messages = new String[600];
			Arrays.setAll(messages, (i) -> "<30>message " + i + "é".repeat(i % 7));
			// The longest a line makes, with room for the longest header: it must fit the
			// send buffer, which is small where syslog's queue is.
			messages[300] = "<30>" + "x".repeat(LineReader.MAX_BODY_BYTES + 400);
			MessageBatch batch = batch(messages);
			int calls = 0;
			try (SyslogTransport transport = SyslogTransport.connect(SyslogAddress.parse("unix://" + socket),
					this.posix)) {
				for (int next = 0; next < batch.count(); calls++) {
					next += transport.send(batch, next);
				}
			}
			assertThat(received(receiver)).containsExactly(messages);
			// Up to eight a sendmmsg call.
			assertThat(calls).isBetween(75, 300);
		}
		finally {
			receiver.destroyForcibly();
		}
	}

	@Test
	void whenAMessageIsLargerThanTheNativeBufferACallStartsWithThenItGoesWhole() throws Exception {
		Path socket = this.directory.resolve("dgram.sock");
		Process receiver = datagramReceiver(socket, 3);
		try {
			String[] messages = { "<30>before", "<30>" + "x".repeat(40_000), "<30>after" };
			MessageBatch batch = batch(messages);
			// Through libc, with the default send buffer, which holds it.
			int fd = this.posix.connectDatagram(socket.toString());
			try {
				for (int next = 0; next < batch.count();) {
					next += this.posix.sendDatagrams(fd, batch.data(), batch.ends(), next, batch.count());
				}
			}
			finally {
				this.posix.close(fd);
			}
			assertThat(received(receiver)).containsExactly(messages);
		}
		finally {
			receiver.destroyForcibly();
		}
	}

	@Test
	void whenSyslogsQueueIsShorterThanTheSendBufferThenTheSendBufferIsShrunkToFillFirst() {
		// The kernel's default queue of 10 and send buffer of 208 KiB.
		assertThat(DatagramTransport.sendBuffer(OptionalInt.of(10), OptionalInt.of(212_992))).hasValue(3840);
		// systemd's 512: the send buffer fills first as it is.
		assertThat(DatagramTransport.sendBuffer(OptionalInt.of(512), OptionalInt.of(212_992))).isEmpty();
		assertThat(DatagramTransport.sendBuffer(OptionalInt.empty(), OptionalInt.of(212_992))).isEmpty();
		assertThat(DatagramTransport.sendBuffer(OptionalInt.of(10), OptionalInt.empty())).isEmpty();
	}

	@Test
	void whenTheUnixStreamSocketRefusesThenNoDescriptorIsLeft() throws Exception {
		// A stream socket that is bound but does not listen: not a datagram socket, and
		// it refuses connections.
		Path socket = this.directory.resolve("refusing.sock");
		Process holder = new ProcessBuilder("python3", "-c", "import socket,sys,time\n"
				+ "s=socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.bind(sys.argv[1]); print('bound', flush=True)\n"
				+ "time.sleep(60)", socket.toString())
			.start();
		try {
			await().until(() -> Files.exists(socket));
			long before = openDescriptors();
			for (int i = 0; i < 20; i++) {
				assertThatIOException()
					.isThrownBy(() -> SyslogTransport.connect(SyslogAddress.parse("unix://" + socket), this.posix));
			}
			assertThat(openDescriptors()).isLessThanOrEqualTo(before + 2);
		}
		finally {
			holder.destroyForcibly();
		}
	}

	// A real receiver: python's datagram socket, printing each message it gets as a line.
	private static Process datagramReceiver(Path socket, int count) throws IOException {
		Process receiver = new ProcessBuilder("python3", "-c", "import socket,sys\n"
				+ "s=socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(sys.argv[1])\n"
				+ "for i in range(int(sys.argv[2])): print(s.recv(65536).decode(), flush=True)", socket.toString(),
				Integer.toString(count))
			.start();
		await().until(() -> Files.exists(socket));
		return receiver;
	}

	private static List<String> received(Process receiver) {
		return new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8)).lines()
			.toList();
	}

	private static long openDescriptors() throws IOException {
		try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
			return fds.count();
		}
	}

	private static MessageBatch batch(String... messages) {
		MessageBatch batch = new MessageBatch(0, 0);
		for (String message : messages) {
			byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
			batch.add(bytes, bytes, 0, 0);
		}
		return batch;
	}

	private static String read(InputStream in, int length) throws IOException {
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

}
