package dev.bootdaemon.posix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What Linux tells of a process under {@code /proc}: its command line, working
 * directory, command name and state, and what its open descriptors are; and the
 * kernel's settings under {@code /proc/sys}.
 */
public final class ProcFiles {

	private ProcFiles() {
	}

	/**
	 * Returns a process's command line as {@code /proc/PID/cmdline} has it.
	 * @param pid the process, or -1 for this one
	 * @return the bytes, each argument ended by a NUL
	 * @throws IOException if it cannot be read (gone, or not ours to read)
	 */
	public static byte[] commandLine(long pid) throws IOException {
		return Files.readAllBytes(proc(pid).resolve("cmdline"));
	}

	/**
	 * Returns a process's working directory.
	 * @param pid the process
	 * @return the directory
	 * @throws IOException if it cannot be read
	 */
	public static Path workingDirectory(long pid) throws IOException {
		return Files.readSymbolicLink(proc(pid).resolve("cwd"));
	}

	/**
	 * Returns a process's command name ({@code comm}).
	 * @param pid the process
	 * @return the name, or {@code null} if it cannot be read
	 */
	public static @Nullable String command(long pid) {
		try {
			return Files.readString(proc(pid).resolve("comm")).strip();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Tells whether a process has exited: gone, or a zombie its parent has not reaped.
	 * @param pid the process
	 * @return whether it has exited
	 */
	public static boolean hasExited(long pid) {
		try {
			String stat = Files.readString(proc(pid).resolve("stat"));
			char state = stat.charAt(stat.lastIndexOf(')') + 2);
			return state == 'Z' || state == 'X';
		}
		catch (IOException ex) {
			return true;
		}
	}

	/**
	 * Returns a process's process group ({@code /proc/PID/stat}), 0 when the group's
	 * leader is outside this PID namespace.
	 * @param pid the process
	 * @return the group, or -1 if it cannot be read
	 */
	public static long processGroup(long pid) {
		try {
			String stat = Files.readString(proc(pid).resolve("stat"));
			// After the command in parentheses: state, parent, process group.
			return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * Returns a process's environment, as it was when the process started.
	 * @param pid the process
	 * @return the variables, empty if it cannot be read (gone, or not ours to read)
	 */
	public static Map<String, String> environment(long pid) {
		Map<String, String> environment = new HashMap<>();
		try {
			for (String variable : Files.readString(proc(pid).resolve("environ")).split("\0")) {
				int equals = variable.indexOf('=');
				if (equals > 0) {
					environment.put(variable.substring(0, equals), variable.substring(equals + 1));
				}
			}
		}
		catch (IOException ex) {
			// As good as no variables.
		}
		return environment;
	}

	/**
	 * Returns the status lines of this process ({@code /proc/self/status}).
	 * @return the text
	 * @throws IOException if it cannot be read
	 */
	public static String status() throws IOException {
		return Files.readString(proc(-1).resolve("status"));
	}

	/**
	 * Returns the identity (device and inode) of the file an open descriptor of this
	 * process refers to, to compare with what a path names now.
	 * @param fd the descriptor
	 * @return its file key
	 * @throws IOException if it cannot be read
	 */
	public static Object openFileKey(int fd) throws IOException {
		return Files.readAttributes(ownPath(fd), BasicFileAttributes.class).fileKey();
	}

	/**
	 * Returns the name under {@code /proc/self/fd} of an open descriptor of this
	 * process: opening it, or changing its mode or owner, reaches the very file the
	 * descriptor refers to, whatever its path names now.
	 * @param fd the descriptor
	 * @return {@code /proc/self/fd/N}
	 */
	public static Path ownPath(int fd) {
		return proc(-1).resolve("fd/" + fd);
	}

	/**
	 * Finds the descriptor of this process that refers to the file a path names now,
	 * without following a symbolic link at the path.
	 * @param file the file just opened
	 * @return the descriptor
	 * @throws IOException if none does: the path was replaced after it was opened
	 */
	static int descriptorOf(Path file) throws IOException {
		Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
		try (Stream<Path> descriptors = Files.list(proc(-1).resolve("fd"))) {
			for (Path descriptor : (Iterable<Path>) descriptors::iterator) {
				int fd = Integer.parseInt(descriptor.getFileName().toString());
				if (fd > 2 && key.equals(fileKey(descriptor))) {
					return fd;
				}
			}
		}
		throw new FileSystemException(file.toString(), null, "was replaced while it was being opened");
	}

	/**
	 * Returns the effective user id of this process, without libc.
	 * @return the id, from the {@code Uid:} line of {@code /proc/self/status}
	 */
	public static int effectiveUserId() {
		return effectiveId("Uid:");
	}

	/**
	 * Returns the effective group id of this process, without libc.
	 * @return the id, from the {@code Gid:} line of {@code /proc/self/status}
	 */
	public static int effectiveGroupId() {
		return effectiveId("Gid:");
	}

	// The line holds the real, effective, saved and file system ids.
	private static int effectiveId(String line) {
		try {
			String ids = status().lines()
				.filter((candidate) -> candidate.startsWith(line))
				.findFirst()
				.orElseThrow(() -> new IOException("no " + line + " line"));
			return Integer.parseInt(ids.substring(line.length()).strip().split("\\s+")[1]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read this process's ids", ex);
		}
	}

	private static @Nullable Object fileKey(Path descriptor) {
		try {
			return Files.readAttributes(descriptor, BasicFileAttributes.class).fileKey();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Returns a kernel setting that is a number, as {@code sysctl} shows it.
	 * @param name the setting's name, such as {@code net.unix.max_dgram_qlen}
	 * @return the value, or empty if it cannot be read
	 */
	public static OptionalInt kernelSetting(String name) {
		// In one read: these files show a size of 0, and a read that does not start at
		// offset 0 finds nothing, so Files.readString would get the first byte alone.
		try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys", name.split("\\.")))) {
			String line = reader.readLine();
			return (line != null) ? OptionalInt.of(Integer.parseInt(line.strip())) : OptionalInt.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalInt.empty();
		}
	}

	private static Path proc(long pid) {
		return Path.of("/proc", (pid < 0) ? "self" : Long.toString(pid));
	}

}
