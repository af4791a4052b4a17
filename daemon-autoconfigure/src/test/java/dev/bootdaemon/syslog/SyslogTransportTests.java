package dev.bootdaemon.syslog;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bootdaemon.posix.Posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SyslogTransport} against real sockets: each transport's framing, and
 * that a failed connection leaves no descriptor behind.
 */
class SyslogTransportTests {

	private final Posix posix = Posix.load();

	@TempDir
	Path directory;

	@Test
	void whenTcpThenEachMessageIsOctetCounted() throws IOException {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				SyslogTransport transport = SyslogTransport
					.connect(SyslogAddress.parse("tcp://127.0.0.1:" + server.getLocalPort()), this.posix);
				Socket accepted = server.accept()) {
			transport.send(bytes("<30>hello"));
			transport.send(bytes("<30>again"));
			assertThat(read(accepted.getInputStream(), 22)).isEqualTo("9 <30>hello9 <30>again");
		}
	}

	@Test
	void whenUdpThenEachMessageIsOneDatagram() throws IOException {
		try (DatagramChannel receiver = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
				SyslogTransport transport = SyslogTransport.connect(SyslogAddress
					.parse("udp://127.0.0.1:" + ((InetSocketAddress) receiver.getLocalAddress()).getPort()), this.posix)) {
			transport.send(bytes("<30>hello"));
			ByteBuffer buffer = ByteBuffer.allocate(100);
			receiver.receive(buffer);
			assertThat(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)).isEqualTo("<30>hello");
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
			transport.send(bytes("<30>hello"));
			transport.send(bytes("<30>again"));
			assertThat(read(Channels.newInputStream(accepted), 20)).isEqualTo("<30>hello\0<30>again\0");
		}
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

	private static long openDescriptors() throws IOException {
		try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
			return fds.count();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String read(InputStream in, int length) throws IOException {
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

}
