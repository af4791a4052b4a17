package dev.bootdaemon.posix;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DatagramVector} through {@link Posix#sendDatagrams}, to a real Unix
 * datagram socket with the default send buffer.
 */
class DatagramVectorTests {

	@TempDir
	Path directory;

	@Test
	void whenAMessageIsLargerThanTheBufferACallStartsWithThenItGoesWholeAndSoDoTheOthers() throws Exception {
		Path socket = this.directory.resolve("dgram.sock");
		// A real receiver: python's datagram socket, printing each datagram's length.
		Process receiver = new ProcessBuilder("python3", "-c", "import socket,sys\n"
				+ "s=socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(sys.argv[1])\n"
				+ "for i in range(3): print(len(s.recv(65536)), flush=True)", socket.toString())
			.start();
		try {
			await().until(() -> Files.exists(socket));
			Posix posix = Posix.load();
			byte[] data = new byte[10 + 40_000 + 10];
			int[] ends = { 10, 40_010, 40_020 };
			int fd = posix.connectDatagram(socket.toString());
			try {
				int sent = 0;
				while (sent < ends.length) {
					sent += posix.sendDatagrams(fd, data, ends, sent, ends.length);
				}
			}
			finally {
				posix.close(fd);
			}
			assertThat(new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8))
				.lines()).containsExactly("10", "40000", "10");
		}
		finally {
			receiver.destroyForcibly();
		}
	}

}
