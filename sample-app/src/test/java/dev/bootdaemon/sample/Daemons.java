package dev.bootdaemon.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches the real sample jar from a fresh launch directory per test and kills, after
 * each test whatever its result, every process it started: by pid, found through the
 * launch directory that each daemon's command line names.
 */
class Daemons implements BeforeEachCallback, AfterEachCallback {

	static final Path JAR = Path.of(System.getProperty("sample.jar", "target/sample-app.jar")).toAbsolutePath();

	static final String JAVA = ProcessHandle.current().info().command().orElse("java");

	static final String WORKER = "dev.bootdaemon.sample.worker.WorkerApplication";

	static final String WORKER_CLASSPATH = System.getProperty("worker.classpath", "target/test-classes");

	private static final Pattern SUMMARY = Pattern
		.compile("\\S+ started as daemon: pid (\\d+), pidfile (.+), output (.+)");

	private static final long LAUNCH_TIMEOUT_SECONDS = 120;

	private Path directory;

	private final List<Long> pids = new ArrayList<>();

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.directory = Files.createTempDirectory("daemon-it-").toRealPath();
		Files.copy(JAR, this.directory.resolve("app.jar"));
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		String marker = this.directory.toString();
		Stream.concat(this.pids.stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream),
				ProcessHandle.allProcesses()
					.filter((process) -> process.info().commandLine().map((line) -> line.contains(marker)).orElse(false)))
			.filter((process) -> process.pid() != ProcessHandle.current().pid())
			// A supervisor first, or it starts again the daemon killed before it.
			.sorted(Comparator.comparing((ProcessHandle process) -> !isSupervisor(process)))
			.forEach(Daemons::kill);
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	static boolean isSupervisor(ProcessHandle process) {
		return process.info().commandLine().map((line) -> line.contains(" boot-daemon-supervisor ")).orElse(false);
	}

	private static void kill(ProcessHandle process) {
		process.destroyForcibly();
		process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally((ex) -> null).join();
	}

	/**
	 * Returns the pids of the daemons running from this test's launch directory.
	 */
	List<Long> running() {
		String marker = "-Dboot-daemon.launch-directory=" + this.directory + " ";
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(marker)).orElse(false))
			.map(ProcessHandle::pid)
			.toList();
	}

	/**
	 * Kills this process after the test too.
	 */
	void track(long pid) {
		this.pids.add(pid);
	}

	Path directory() {
		return this.directory;
	}

	Path file(String name) {
		return this.directory.resolve(name);
	}

	/**
	 * JVM options that make each JVM, the launcher and the daemon, log the classes it
	 * loads to a file of its own (see {@link #classesLoadedBy}).
	 */
	List<String> classLoadLogging() {
		return List.of("-Xlog:class+load:file=" + this.directory.resolve("classes-%p.log"));
	}

	String classesLoadedBy(long pid) throws IOException {
		return Files.readString(this.directory.resolve("classes-" + pid + ".log"));
	}

	/**
	 * Runs {@code java [jvmOptions] -jar app.jar [args]} in the launch directory and
	 * waits for the launcher to exit.
	 */
	Launch launch(List<String> jvmOptions, String... args) {
		List<String> command = new ArrayList<>();
		command.add(JAVA);
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add("app.jar");
		command.addAll(List.of(args));
		return run(command, Map.of());
	}

	Launch launch(String... args) {
		return launch(List.of(), args);
	}

	Launch run(List<String> command, Map<String, String> environment) {
		return runIn(this.directory, command, environment);
	}

	/**
	 * Runs a command in another directory and waits for it to exit.
	 */
	Launch runIn(Path directory, List<String> command, Map<String, String> environment) {
		try {
			Path stdout = Files.createTempFile("launcher", ".out");
			Path stderr = Files.createTempFile("launcher", ".err");
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile());
			Map<String, String> env = new HashMap<>(builder.environment());
			env.keySet().removeIf((name) -> name.startsWith("DAEMON_") || name.startsWith("SPRING_"));
			env.putAll(environment);
			builder.environment().clear();
			builder.environment().putAll(env);
			Process launcher = builder.start();
			boolean exited = launcher.waitFor(LAUNCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			if (!exited) {
				launcher.destroyForcibly().waitFor();
			}
			String out = read(stdout);
			String err = read(stderr);
			Files.delete(stdout);
			Files.delete(stderr);
			// What it printed tells why it did not exit.
			assertThat(exited).as("launcher exited; its output so far: %s%s", out, err).isTrue();
			Launch launch = new Launch(launcher.exitValue(), launcher.pid(), out, err);
			if (launch.pid() > 0) {
				this.pids.add(launch.pid());
			}
			return launch;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts a process in the launch directory without waiting for it; it is killed
	 * after the test.
	 */
	Process startBackground(List<String> command, Map<String, String> environment) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("background-" + this.pids.size() + ".log").toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		this.pids.add(process.pid());
		return process;
	}

	private static String read(Path path) throws IOException {
		return Files.readString(path, StandardCharsets.UTF_8);
	}

	/**
	 * Fetches a page from the daemon on this machine.
	 * @return the body, or an empty string if nothing answers
	 */
	static String get(int port, String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	static void signal(String signal, long pid) throws IOException, InterruptedException {
		new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor();
	}

	/**
	 * Runs the worker application of the test sources, not a jar, with these arguments.
	 */
	Launch launchWorker(String... args) {
		return launchMain(WORKER, args);
	}

	/**
	 * Runs a main class of the test sources with these arguments.
	 */
	Launch launchMain(String mainClass, String... args) {
		List<String> command = new ArrayList<>(List.of(JAVA, "-cp", WORKER_CLASSPATH, mainClass));
		command.addAll(List.of(args));
		return run(command, Map.of());
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a launcher did.
	 *
	 * @param exitCode its exit status
	 * @param launcherPid its pid
	 * @param stdout what it printed
	 * @param stderr what it printed as errors
	 */
	record Launch(int exitCode, long launcherPid, String stdout, String stderr) {

		/** The daemon's pid from the summary line, or -1. */
		long pid() {
			Matcher matcher = SUMMARY.matcher(this.stdout);
			return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
		}

		Launch assertStarted() {
			assertThat(this.exitCode).as("exit code; stderr: %s", this.stderr).isZero();
			assertThat(pid()).as("pid in %s", this.stdout).isPositive();
			return this;
		}

	}

}
