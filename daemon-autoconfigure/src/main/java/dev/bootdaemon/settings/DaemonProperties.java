package dev.bootdaemon.settings;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.bootdaemon.syslog.SyslogFormat;

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
	 * Where the daemon's standard output and standard error go: a file, syslog, nowhere,
	 * or the console (kept as they are, for a process that does not detach). Defaults to
	 * "file" when the process detaches and to "console" otherwise.
	 */
	private @Nullable Output output;

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

	/**
	 * When the daemon counts as started: "ready" once the application is ready (after
	 * every CommandLineRunner and ApplicationRunner), "started" once the application
	 * context has started (runners may still run).
	 */
	private ReadyOn readyOn = ReadyOn.READY;

	/**
	 * What to do: start the daemon, or stop, restart or report the status of the one
	 * that runs with the configured pidfile.
	 */
	private Command command = Command.START;

	/**
	 * How long 'stop' waits for the daemon to exit after SIGTERM.
	 */
	private Duration stopTimeout = Duration.ofSeconds(30);

	/**
	 * Watchdog interval: a daemon that restarts (daemon.restart) and sends no heartbeat
	 * for this long, or whose health is DOWN as long, counts as hung and is restarted;
	 * also WatchdogSec= of a generated systemd unit. None when not set.
	 */
	private @Nullable Duration watchdog;

	/**
	 * When to start the daemon again after it ended: 'no', 'on-failure' (a non-zero exit
	 * other than after SIGTERM or SIGINT, death by a signal, a hang) or 'always' (also
	 * after exit status 0). Never after 'stop' or SIGTERM. Only for a daemon that
	 * detaches; a service manager restarts the one it runs.
	 */
	private Restart restart = Restart.NO;

	/**
	 * How long to wait before the first restart; the wait doubles with each restart in
	 * daemon.restart-limit-interval.
	 */
	private Duration restartDelay = Duration.ofSeconds(1);

	/**
	 * The longest wait before a restart.
	 */
	private Duration restartMaxDelay = Duration.ofMinutes(1);

	/**
	 * How many restarts daemon.restart-limit-interval may hold: at the next failure the
	 * daemon is not started again. 0 restarts nothing and only reports how the daemon
	 * ended, as a finite job wants.
	 */
	private int restartLimit = 5;

	/**
	 * The window daemon.restart-limit counts restarts in.
	 */
	private Duration restartLimitInterval = Duration.ofMinutes(5);

	/**
	 * JDK AOT cache of the daemon (Java 25 and later, Spring Boot's extracted layout):
	 * trained during the daemon's first run, used by later starts. Relative to the launch
	 * directory.
	 */
	private @Nullable String aotCache;

	/**
	 * Whether 'stop' sends SIGKILL to a daemon that has not exited in time.
	 */
	private boolean stopForce = true;

	/**
	 * Whether to detach from the launching process. 'auto' runs in the foreground when
	 * a service manager started the process (parent is PID 1, NOTIFY_SOCKET or
	 * INVOCATION_ID set) or the process is PID 1 itself, as in a container.
	 */
	private Detach detach = Detach.AUTO;

	/**
	 * User to switch to, when started as root, once the web server has bound its ports.
	 */
	private @Nullable String user;

	/**
	 * Group to switch to along with the user. Defaults to the user's primary group.
	 */
	private @Nullable String group;

	private final Syslog syslog = new Syslog();

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

	public @Nullable Output getOutput() {
		return this.output;
	}

	public void setOutput(@Nullable Output output) {
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

	public ReadyOn getReadyOn() {
		return this.readyOn;
	}

	public void setReadyOn(ReadyOn readyOn) {
		this.readyOn = readyOn;
	}

	public Duration getStartupTimeout() {
		return this.startupTimeout;
	}

	public void setStartupTimeout(Duration startupTimeout) {
		this.startupTimeout = startupTimeout;
	}

	public Command getCommand() {
		return this.command;
	}

	public void setCommand(Command command) {
		this.command = command;
	}

	public @Nullable String getAotCache() {
		return this.aotCache;
	}

	public void setAotCache(@Nullable String aotCache) {
		this.aotCache = aotCache;
	}

	public @Nullable Duration getWatchdog() {
		return this.watchdog;
	}

	public void setWatchdog(@Nullable Duration watchdog) {
		this.watchdog = watchdog;
	}

	public Restart getRestart() {
		return this.restart;
	}

	public void setRestart(Restart restart) {
		this.restart = restart;
	}

	public Duration getRestartDelay() {
		return this.restartDelay;
	}

	public void setRestartDelay(Duration restartDelay) {
		this.restartDelay = restartDelay;
	}

	public Duration getRestartMaxDelay() {
		return this.restartMaxDelay;
	}

	public void setRestartMaxDelay(Duration restartMaxDelay) {
		this.restartMaxDelay = restartMaxDelay;
	}

	public int getRestartLimit() {
		return this.restartLimit;
	}

	public void setRestartLimit(int restartLimit) {
		this.restartLimit = restartLimit;
	}

	public Duration getRestartLimitInterval() {
		return this.restartLimitInterval;
	}

	public void setRestartLimitInterval(Duration restartLimitInterval) {
		this.restartLimitInterval = restartLimitInterval;
	}

	public Duration getStopTimeout() {
		return this.stopTimeout;
	}

	public void setStopTimeout(Duration stopTimeout) {
		this.stopTimeout = stopTimeout;
	}

	public boolean isStopForce() {
		return this.stopForce;
	}

	public void setStopForce(boolean stopForce) {
		this.stopForce = stopForce;
	}

	public Detach getDetach() {
		return this.detach;
	}

	public void setDetach(Detach detach) {
		this.detach = detach;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getGroup() {
		return this.group;
	}

	public void setGroup(@Nullable String group) {
		this.group = group;
	}

	public Syslog getSyslog() {
		return this.syslog;
	}

	/**
	 * Syslog output, when output is 'syslog'.
	 */
	public static class Syslog {

		/**
		 * Where to send: /dev/log, unix:///path (datagram, or stream if that is what the
		 * socket is), udp://host:port or tcp://host:port.
		 */
		private String address = "/dev/log";

		/**
		 * Tag (app name) of each message. Defaults to the application name.
		 */
		private @Nullable String tag;

		/**
		 * Facility of each message, any RFC 5424 name such as daemon, user or local0.
		 */
		private String facility = "daemon";

		/**
		 * Message format. Defaults to rfc3164 for Unix sockets and rfc5424 over the network.
		 */
		private @Nullable SyslogFormat format;

		/**
		 * Whether to refuse to start when the syslog socket cannot be reached, instead of
		 * warning and delivering once it can.
		 */
		private boolean strict;

		/**
		 * How many lines to hold while syslog is slow or unreachable; lines beyond are
		 * counted and reported once syslog is back.
		 */
		private int bufferLines = 100_000;

		public String getAddress() {
			return this.address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

		public @Nullable String getTag() {
			return this.tag;
		}

		public void setTag(@Nullable String tag) {
			this.tag = tag;
		}

		public String getFacility() {
			return this.facility;
		}

		public void setFacility(String facility) {
			this.facility = facility;
		}

		public @Nullable SyslogFormat getFormat() {
			return this.format;
		}

		public void setFormat(@Nullable SyslogFormat format) {
			this.format = format;
		}

		public boolean isStrict() {
			return this.strict;
		}

		public void setStrict(boolean strict) {
			this.strict = strict;
		}

		public int getBufferLines() {
			return this.bufferLines;
		}

		public void setBufferLines(int bufferLines) {
			this.bufferLines = bufferLines;
		}

	}

	/**
	 * What the launching process does.
	 */
	public enum Command {

		/**
		 * Start the daemon.
		 */
		START,

		/**
		 * Stop the running daemon.
		 */
		STOP,

		/**
		 * Stop the running daemon, then start it again.
		 */
		RESTART,

		/**
		 * Report whether the daemon runs, with LSB exit codes.
		 */
		STATUS,

		/**
		 * Print a systemd unit that runs the application as it was invoked.
		 */
		SYSTEMD_UNIT,

		/**
		 * Print a logrotate stanza for the output file.
		 */
		LOGROTATE

	}

	/**
	 * Whether to detach from the launching process.
	 */
	public enum Detach {

		/**
		 * Detach unless a service manager started the process.
		 */
		AUTO,

		/**
		 * Always detach.
		 */
		ALWAYS,

		/**
		 * Never detach: run in the foreground with pidfile and output handling.
		 */
		NEVER

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
		NONE,

		/**
		 * Send each line to syslog.
		 */
		SYSLOG,

		/**
		 * Keep the process's own standard output and error, for a process that does not
		 * detach.
		 */
		CONSOLE

	}

	/**
	 * When to start the daemon again after it ended.
	 */
	public enum Restart {

		/**
		 * Never.
		 */
		NO,

		/**
		 * After a failure: a non-zero exit status other than after SIGTERM or SIGINT,
		 * death by a signal other than TERM, INT, HUP or PIPE, or a hang.
		 */
		ON_FAILURE,

		/**
		 * After any end but a stop (the 'stop' command, SIGTERM or SIGINT).
		 */
		ALWAYS

	}

	/**
	 * When the daemon counts as started.
	 */
	public enum ReadyOn {

		/**
		 * Once the application is ready, after its runners.
		 */
		READY,

		/**
		 * Once the application context has started, before its runners.
		 */
		STARTED

	}

}
