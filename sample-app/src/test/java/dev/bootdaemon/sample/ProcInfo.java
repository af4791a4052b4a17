package dev.bootdaemon.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Linux says of a process under {@code /proc/PID}.
 *
 * @param pid the process
 * @param ppid its parent
 * @param pgrp its process group
 * @param session its session
 * @param ttyNr its controlling terminal, 0 for none
 */
record ProcInfo(long pid, long ppid, long pgrp, long session, long ttyNr) {

	static ProcInfo of(long pid) {
		String stat = read(Path.of("/proc/" + pid + "/stat"));
		// The command name may hold spaces and parentheses; fields follow the last ')'.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return new ProcInfo(pid, Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]),
				Long.parseLong(fields[4]));
	}

	/**
	 * Whether the process has exited: gone, or a zombie that its parent (for a daemon,
	 * init or a subreaper, which may be slow) has not reaped yet.
	 */
	static boolean hasExited(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
		}
		catch (IOException ex) {
			return true;
		}
	}

	String umask() {
		return status("Umask:");
	}

	String status(String key) {
		return read(Path.of("/proc/" + this.pid + "/status")).lines()
			.filter((line) -> line.startsWith(key))
			.map((line) -> line.substring(key.length()).strip())
			.findFirst()
			.orElseThrow();
	}

	Path cwd() {
		return link(Path.of("/proc/" + this.pid + "/cwd"));
	}

	Path fd(int fd) {
		return link(Path.of("/proc/" + this.pid + "/fd/" + fd));
	}

	List<String> fdTargets() {
		try (Stream<Path> fds = Files.list(Path.of("/proc/" + this.pid + "/fd"))) {
			return fds.map((fd) -> link(fd).toString()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<String> commandLine() {
		return List.of(read(Path.of("/proc/" + this.pid + "/cmdline")).split("\0"));
	}

	private static Path link(Path path) {
		try {
			return Files.readSymbolicLink(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
