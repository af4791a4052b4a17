package dev.bootdaemon.entry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.bootdaemon.commandline.CommandLine;
import dev.bootdaemon.pidfile.PidFileException;
import dev.bootdaemon.pidfile.PidFileProbe;
import dev.bootdaemon.pidfile.PidFileSupervisor;
import dev.bootdaemon.startup.Handoff;

/**
 * Finds the pidfile of this application's daemon when it was launched from another
 * directory: a relative pidfile, the default among them, is resolved against the launch
 * directory, so {@code status} run from {@code /srv/app} would not see the daemon started
 * from {@code /srv}. Only when nothing holds the pidfile named here: among the daemons
 * (their command line names their launch directory), one that runs the same application
 * and holds the lock of the same relative pidfile in its own launch directory.
 */
final class LaunchedElsewhere {

	private static final String MARKER = "-D" + Handoff.LAUNCH_DIRECTORY_PROPERTY + "=";

	private LaunchedElsewhere() {
	}

	/**
	 * Returns the pidfile {@code stop}, {@code status} and {@code restart} act on.
	 * @param pidFile the pidfile the settings name
	 * @param launchDirectory the directory this process was launched from
	 * @param identity the application this process runs
	 * @return the pidfile of a daemon of this application launched elsewhere, if the one
	 * named here is nobody's and there is such a daemon; else the one named here
	 */
	static Path pidFile(Path pidFile, Path launchDirectory, ApplicationIdentity identity) {
		if (!pidFile.startsWith(launchDirectory) || !nobodys(pidFile)) {
			return pidFile;
		}
		Path relative = launchDirectory.relativize(pidFile);
		long self = ProcessHandle.current().pid();
		return ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != self)
			.map((process) -> heldElsewhere(process.pid(), relative, pidFile, identity))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(pidFile);
	}

	private static boolean nobodyElse(Path pidFile, long pid) {
		try {
			return PidFileProbe.lockHolder(pidFile).orElse(-1) == pid;
		}
		catch (PidFileException ex) {
			return false;
		}
	}

	// A pidfile that cannot be one (a link) is left for the command to report.
	private static boolean nobodys(Path pidFile) {
		try {
			return PidFileProbe.lockHolder(pidFile).isEmpty() && PidFileSupervisor.of(pidFile).isEmpty();
		}
		catch (PidFileException ex) {
			return false;
		}
	}

	private static Optional<Path> heldElsewhere(long pid, Path relative, Path here, ApplicationIdentity identity) {
		List<String> commandLine;
		try {
			commandLine = CommandLine.of(pid);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
		return commandLine.stream()
			.filter((arg) -> arg.startsWith(MARKER))
			.findFirst()
			.map((arg) -> Path.of(CommandLine.text(arg.substring(MARKER.length()))).resolve(relative).normalize())
			.filter((pidFile) -> !pidFile.equals(here) && identity.otherApplication(pid) == null
					&& nobodyElse(pidFile, pid));
	}

}
