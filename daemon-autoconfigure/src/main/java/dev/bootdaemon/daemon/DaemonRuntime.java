package dev.bootdaemon.daemon;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What daemon mode made of this process, for the application and for Actuator's
 * {@code info} endpoint. A bean in the application context while in daemon mode.
 */
public final class DaemonRuntime {

	/**
	 * The name of the bean, which only a process in daemon mode has.
	 */
	public static final String BEAN_NAME = "daemonRuntime";

	private final Mode mode;

	private final long pid;

	private final Path pidFile;

	private final String output;

	private final Supplier<OptionalLong> droppedLines;

	private final @Nullable String user;

	private final boolean socketActivated;

	/**
	 * Creates the description of a daemon.
	 * @param mode whether the process detached or stayed in the foreground
	 * @param pid the process id
	 * @param pidFile the pidfile it holds
	 * @param output where its standard output and error go, as the properties say
	 * @param droppedLines how many lines of output could not be delivered
	 * @param user the user it switched to, or {@code null}
	 * @param socketActivated whether a service manager passed it a listening socket
	 */
	public DaemonRuntime(Mode mode, long pid, Path pidFile, String output, Supplier<OptionalLong> droppedLines,
			@Nullable String user, boolean socketActivated) {
		this.mode = mode;
		this.pid = pid;
		this.pidFile = pidFile;
		this.output = output;
		this.droppedLines = droppedLines;
		this.user = user;
		this.socketActivated = socketActivated;
	}

	/**
	 * Returns whether the process detached or stayed in the foreground.
	 * @return the mode
	 */
	public Mode mode() {
		return this.mode;
	}

	/**
	 * Returns the process id.
	 * @return the pid
	 */
	public long pid() {
		return this.pid;
	}

	/**
	 * Returns the pidfile the process holds.
	 * @return the pidfile
	 */
	public Path pidFile() {
		return this.pidFile;
	}

	/**
	 * Returns where standard output and error go, as {@code daemon.output} and its
	 * companions say: the output file, the syslog address, {@code none} or
	 * {@code console}.
	 * @return the output
	 */
	public String output() {
		return this.output;
	}

	/**
	 * Returns how many lines of output could not be delivered, for outputs that can lose
	 * some (syslog).
	 * @return the count, or empty
	 */
	public OptionalLong droppedLines() {
		return this.droppedLines.get();
	}

	/**
	 * Returns the user the process switched to.
	 * @return the user, or {@code null} if it did not switch
	 */
	public @Nullable String user() {
		return this.user;
	}

	/**
	 * Returns whether a service manager passed this process a listening socket, which
	 * the embedded web server serves (descriptor 0, {@code System.inheritedChannel()}).
	 * @return whether it did
	 */
	public boolean socketActivated() {
		return this.socketActivated;
	}

	/**
	 * How the process runs.
	 */
	public enum Mode {

		/** Detached from the launching process: fork, setsid, fork. */
		DETACHED,

		/** In the foreground, under a service manager or by choice. */
		FOREGROUND

	}

}
