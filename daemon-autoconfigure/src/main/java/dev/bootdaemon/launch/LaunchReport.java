package dev.bootdaemon.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.output.OutputTarget;
import dev.bootdaemon.output.StandardStreams;
import dev.bootdaemon.pidfile.PidFileProbe;
import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.RestartPolicy;
import dev.bootdaemon.startup.Handoff.Attached;

/**
 * What the launcher's summary line and failure report say about the daemon, from its
 * settings, or from what an early daemon said of them.
 *
 * @param applicationName the application's name
 * @param pidFile the pidfile, or {@code null} before the daemon read its settings
 * @param outputDescription how the summary line names the output
 * @param outputFiles the files the daemon's output is in
 * @param fullOutput the report's last line, telling where the full output is
 * @param startupTimeout {@code daemon.startup-timeout}
 * @param outputMark where the daemon's output begins in the output file
 * @param restart the restart policy of a daemon with a supervisor, else {@code null}
 */
record LaunchReport(String applicationName, @Nullable Path pidFile, String outputDescription,
		List<Path> outputFiles, String fullOutput, Duration startupTimeout, long outputMark,
		@Nullable RestartPolicy restart) {

	static LaunchReport of(DaemonSettings settings) {
		return of(Attached.of(settings, settings.output().mark(), ""));
	}

	static LaunchReport of(Attached attached) {
		Path file = attached.outputFile().isEmpty() ? null : Path.of(attached.outputFile());
		return new LaunchReport(attached.applicationName(), Path.of(attached.pidFile()), attached.outputDescription(),
				(file != null) ? List.of(file) : List.of(), fullOutput(file, attached.outputDescription()),
				attached.startupTimeout(), attached.outputMark(), null);
	}

	// An early daemon that died before it read its settings wrote only to the early
	// output, which goes with the launcher's private directory.
	static LaunchReport beforeSettings(String applicationName, StandardStreams earlyOutput, Duration startupTimeout) {
		return new LaunchReport(applicationName, null, "", List.of(earlyOutput.stdout(), earlyOutput.stderr()), "",
				startupTimeout, 0, null);
	}

	// Where the rest is: the file, syslog, or nowhere (daemon.output=none).
	static String fullOutput(@Nullable Path file, String outputDescription) {
		if (file != null) {
			return "Full output: " + file;
		}
		return outputDescription.startsWith("output syslog ") ? "Full output: in syslog, sent to "
				+ outputDescription.substring("output syslog ".length())
				: "Its output was discarded (daemon.output=none)";
	}

	LaunchReport supervised(RestartPolicy restart) {
		return new LaunchReport(this.applicationName, this.pidFile, this.outputDescription, this.outputFiles,
				this.fullOutput, this.startupTimeout, this.outputMark, restart);
	}

	// A supervised daemon is named by the pid it wrote, its supervisor last.
	String summary(long pid) {
		long daemon = (this.restart != null && this.pidFile != null) ? PidFileProbe.readPid(this.pidFile) : pid;
		return this.applicationName + " started as daemon: pid " + daemon + ", pidfile " + this.pidFile + ", "
				+ this.outputDescription + ((this.restart != null)
						? ", restarted " + this.restart.describe() + " by supervisor pid " + pid : "");
	}

	List<String> linesSince(int max) {
		return this.outputFiles.stream()
			.flatMap((file) -> OutputTarget.file(file, null).linesSince(this.outputMark, max).stream())
			.toList();
	}

}
