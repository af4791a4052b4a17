package dev.bootdaemon.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for running the application as a Unix daemon.
 */
@ConfigurationProperties("daemon")
public class DaemonProperties {

	/**
	 * Whether to detach from the terminal and run as a daemon.
	 */
	private boolean enabled;

	/**
	 * Working directory of the daemon. Relative to the directory it was launched from.
	 */
	private String workingDirectory = "/";

	/**
	 * File mode creation mask of the daemon, as an octal number such as 022 or 0027.
	 */
	private String umask = "022";

	/**
	 * Where the daemon's standard output and standard error go.
	 */
	private Output output = Output.FILE;

	/**
	 * File that standard output and standard error are appended to when output is
	 * 'file'. Defaults to '<application name>.out' in the launch directory; relative
	 * paths resolve against the launch directory.
	 */
	private @Nullable String outputFile;

	/**
	 * Pidfile, written atomically and locked while the daemon runs. Defaults to
	 * 'spring.pid.file' if set, else '<application name>.pid' in the launch directory;
	 * relative paths resolve against the launch directory.
	 */
	private @Nullable String pidFile;

	/**
	 * How long the launching process waits for the daemon to be ready before it stops
	 * the daemon and fails.
	 */
	private Duration startupTimeout = Duration.ofSeconds(60);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getWorkingDirectory() {
		return this.workingDirectory;
	}

	public void setWorkingDirectory(String workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	public String getUmask() {
		return this.umask;
	}

	public void setUmask(String umask) {
		this.umask = umask;
	}

	public Output getOutput() {
		return this.output;
	}

	public void setOutput(Output output) {
		this.output = output;
	}

	public @Nullable String getOutputFile() {
		return this.outputFile;
	}

	public void setOutputFile(@Nullable String outputFile) {
		this.outputFile = outputFile;
	}

	public @Nullable String getPidFile() {
		return this.pidFile;
	}

	public void setPidFile(@Nullable String pidFile) {
		this.pidFile = pidFile;
	}

	public Duration getStartupTimeout() {
		return this.startupTimeout;
	}

	public void setStartupTimeout(Duration startupTimeout) {
		this.startupTimeout = startupTimeout;
	}

	/**
	 * Where the daemon's standard output and standard error go.
	 */
	public enum Output {

		/**
		 * Append to the output file.
		 */
		FILE,

		/**
		 * Discard, as to /dev/null.
		 */
		NONE

	}

}
