package dev.bootdaemon.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Socket activation: the application serves the listening socket a service manager
 * passes it and binds nothing itself, so a restart refuses no connection. Under Debian's
 * {@code systemd-socket-activate}, and under a small socket holder that starts the
 * application again when it exits, as a systemd socket unit does.
 */
class SocketActivationIT {

	private static final int ATTEMPTS = 300;

	@RegisterExtension
	final Daemons daemons = new Daemons();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();

	@Test
	void whenSocketActivatedThenItServesThePassedSocketAndBindsNothingItself() throws Exception {
		int passed = Daemons.freePort();
		int configured = Daemons.freePort();
		this.daemons.startBackground(List.of("systemd-socket-activate", "-l", "127.0.0.1:" + passed, Daemons.JAVA,
				"-jar", "app.jar", "--daemon.enabled=true", "--server.port=" + configured,
				"--daemon.pid-file=" + this.daemons.file("app.pid")), Map.of());
		// systemd-socket-activate starts the application on the first connection, which
		// the kernel holds until the application serves it.
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(this.daemons.file("background-0.log"))
			.contains("Listening on 127.0.0.1:" + passed));
		assertThat(get(passed)).isEqualTo("Hello from a daemon\n");
		long pid = Long.parseLong(Files.readString(this.daemons.file("app.pid")).strip());
		assertThat(ProcInfo.of(pid).fd(0).toString()).startsWith("socket:");
		assertThat(Daemons.get(configured, "/")).as("server.port is not bound").isEmpty();
		assertThat(Files.readString(this.daemons.file("background-0.log")))
			.contains("Tomcat started on port " + passed);
	}

	@Test
	void whenSeveralSocketsArePassedThenTheFirstIsServedAndTheOthersAreClosedNamed() throws Exception {
		int first = Daemons.freePort();
		int second = Daemons.freePort();
		this.daemons.startBackground(List.of("systemd-socket-activate", "-l", "127.0.0.1:" + first, "-l",
				"127.0.0.1:" + second, "--fdname=web:admin", Daemons.JAVA, "-jar", "app.jar", "--daemon.enabled=true",
				"--daemon.pid-file=" + this.daemons.file("app.pid")), Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(this.daemons.file("background-0.log"))
			.contains("Listening on 127.0.0.1:" + second));
		assertThat(get(first)).isEqualTo("Hello from a daemon\n");
		long pid = Long.parseLong(Files.readString(this.daemons.file("app.pid")).strip());
		assertThat(ProcInfo.of(pid).fd(0).toString()).startsWith("socket:");
		assertThat(ProcInfo.of(pid).fdTargets()).contains("socket:[" + listeningInode(first).orElseThrow() + "]");
		// systemd-socket-activate execs the application: it held the only other copy.
		assertThat(listeningInode(second)).as("closed").isEmpty();
		assertThat(Files.readString(this.daemons.file("background-0.log"))).contains("The service manager passed 2 "
				+ "sockets; serving the first, descriptor 3 (web), and closing descriptors 4 to 4");
	}

	// The kernel's table of TCP sockets: local address and port in hex, state 0A for
	// listening, the inode tenth.
	private static Optional<String> listeningInode(int port) throws IOException {
		String local = String.format(":%04X", port);
		return Files.readAllLines(Path.of("/proc/net/tcp"))
			.stream()
			.map((line) -> line.trim().split("\\s+"))
			.filter((fields) -> fields[1].endsWith(local) && fields[3].equals("0A"))
			.map((fields) -> fields[9])
			.findFirst();
	}

	@Test
	void whenTheApplicationRestartsBehindAHeldSocketThenNoConnectionIsRefused() throws Exception {
		int port = Daemons.freePort();
		Path stop = this.daemons.file("stop-restarting");
		this.daemons.startBackground(List.of("python3",
				Path.of("src/test/resources/socket-holder.py").toAbsolutePath().toString(), "127.0.0.1",
				String.valueOf(port), stop.toString(), Daemons.JAVA, "-jar", "app.jar", "--daemon.enabled=true",
				"--daemon.pid-file=" + this.daemons.file("app.pid")), Map.of());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.readString(this.daemons.file("background-0.log")).contains("LISTENING"));
		assertThat(get(port)).isEqualTo("Hello from a daemon\n");
		long first = Long.parseLong(Files.readString(this.daemons.file("app.pid")).strip());
		AtomicInteger answered = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		CompletableFuture<Void> clients = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < ATTEMPTS; i++) {
				try {
					if (getOnNewConnection(port).endsWith("Hello from a daemon\n")) {
						answered.incrementAndGet();
					}

				}
				catch (ConnectException ex) {
					refused.incrementAndGet();
				}
				catch (IOException ex) {
					// Counted as not answered.
				}
			}
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> answered.get() + refused.get() >= 20);
		// Stopped mid-stream: the holder starts it again, and the kernel queues the
		// connections made meanwhile on the socket it keeps.
		ProcessHandle.of(first).orElseThrow().destroy();
		clients.get();
		Files.writeString(stop, "");
		assertThat(refused.get()).as("refused").isZero();
		assertThat(answered.get()).as("answered of " + ATTEMPTS).isEqualTo(ATTEMPTS);
		long second = Long.parseLong(Files.readString(this.daemons.file("app.pid")).strip());
		assertThat(second).as("a new process serves").isNotEqualTo(first);
		// The first one's output lasted to its end, although it let go of the socket.
		assertThat(this.daemons.file("background-0.log")).content().contains("Graceful shutdown complete");
		System.out.println("socket activation: " + ATTEMPTS + " requests across a restart, all answered");
	}

	// One connection attempt: a new connection for one request, closed after it.
	private static String getOnNewConnection(int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 60_000);
			socket.setSoTimeout(60_000);
			socket.getOutputStream()
				.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private String get(int port) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

}
