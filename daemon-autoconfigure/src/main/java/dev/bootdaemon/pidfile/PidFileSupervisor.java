package dev.bootdaemon.pidfile;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import dev.bootdaemon.posix.ProcFiles;

/**
 * Finds the supervisor of the daemon that holds a pidfile ({@code daemon.restart}), by
 * its command line: {@code /bin/sh SCRIPT} then {@link #MARKER} and the pidfile. It runs
 * while the daemon does and while it waits to start it again, when nothing holds the
 * pidfile.
 */
public final class PidFileSupervisor {

	/** The argument that marks the supervisor's command line; the pidfile follows. */
	public static final String MARKER = "boot-daemon-supervisor";

	private static final Charset NATIVE = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

	private PidFileSupervisor() {
	}

	/**
	 * Returns the pid of the supervisor of the daemon with a pidfile. A supervisor keeps
	 * the pidfile while it runs, the one its dead daemon left too ({@link PidFile#leaveTo}),
	 * so where there is no pidfile the processes are not scanned: a start pays for the
	 * scan only over a stale pidfile.
	 * @param pidFile the pidfile, as the settings name it
	 * @return the pid, or empty if no supervisor runs for it
	 */
	public static OptionalLong of(Path pidFile) {
		if (!Files.exists(pidFile, LinkOption.NOFOLLOW_LINKS)) {
			return OptionalLong.empty();
		}
		long self = ProcessHandle.current().pid();
		return ProcessHandle.allProcesses()
			.mapToLong(ProcessHandle::pid)
			.filter((pid) -> pid != self && supervises(pid, pidFile))
			.findFirst();
	}

	/**
	 * Tells whether a process is the supervisor of the daemon with a pidfile.
	 * @param pid the process
	 * @param pidFile the pidfile
	 * @return whether it is
	 */
	public static boolean supervises(long pid, Path pidFile) {
		try {
			List<String> arguments = Arrays.asList(new String(ProcFiles.commandLine(pid), NATIVE).split("\0"));
			return arguments.size() == 4 && arguments.get(2).equals(MARKER)
					&& arguments.get(3).equals(pidFile.toString());
		}
		catch (IOException ex) {
			return false;
		}
	}

}
