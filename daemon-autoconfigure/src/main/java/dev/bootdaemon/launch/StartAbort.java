package dev.bootdaemon.launch;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.bootdaemon.control.ProcessTermination;
import dev.bootdaemon.startup.StartupChannel;

/**
 * Stops the daemon the launcher starts: when its start fails, and when the launcher is
 * interrupted (Ctrl-C) before the daemon is ready, from the moment the daemon is being
 * spawned. Until the launcher knows the
 * daemon's pid, the daemon is found by the launcher's private directory, which its
 * command line names from its first instruction on.
 */
final class StartAbort implements AutoCloseable {

	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	private final String privateDirectory;

	private final AtomicLong pid = new AtomicLong(-1);

	private volatile boolean ready;

	private final Thread hook;

	private final StartupChannel channel;

	private StartAbort(StartupChannel channel) {
		this.privateDirectory = channel.directory().toString();
		this.channel = channel;
		this.hook = new Thread(this::abort, "boot-daemon-abort");
	}

	/**
	 * Registers the abort before the daemon is spawned.
	 * @param channel the startup channel, whose private directory names the daemon until
	 * its pid is known; closed after an abort, as the launcher's own close does
	 * not run once the JVM is shutting down
	 * @return the abort, to be told the pid and readiness, and closed
	 */
	static StartAbort register(StartupChannel channel) {
		StartAbort abort = new StartAbort(channel);
		Runtime.getRuntime().addShutdownHook(abort.hook);
		return abort;
	}

	void spawned(long pid) {
		this.pid.set(pid);
	}

	void ready() {
		this.ready = true;
	}

	private void abort() {
		if (!this.ready) {
			stop(Duration.ZERO);
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// The JVM is exiting; a temporary directory is all that is left.
			}
		}
	}

	/**
	 * Stops the daemon: gives it some patience to exit by itself, then SIGTERM, then
	 * SIGKILL.
	 * @param patience how long to wait before SIGTERM
	 */
	void stop(Duration patience) {
		long known = this.pid.get();
		// A supervisor's daemon is its child: taken before the supervisor is stopped.
		Stream<ProcessHandle> daemons = (known > 0) ? ProcessHandle.of(known)
			.stream()
			.flatMap((process) -> Stream.concat(Stream.of(process), process.descendants()))
			.toList()
			.stream() : ProcessHandle.allProcesses()
			.filter((process) -> process.info()
				.arguments()
				.map((arguments) -> List.of(arguments)
					.stream()
					.anyMatch((arg) -> arg.contains(this.privateDirectory + "/")))
				.orElse(false));
		daemons.forEach((daemon) -> ProcessTermination.terminate(daemon, patience, STOP_WAIT, true));
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: the hook runs, and does nothing once ready.
		}
	}

}
