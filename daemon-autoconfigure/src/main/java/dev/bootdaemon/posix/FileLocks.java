package dev.bootdaemon.posix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Who holds a {@code flock(2)} lock on a file, as the kernel reports it in
 * {@code /proc/locks}: without taking the lock, and with the holder's pid as this
 * process's PID namespace sees it, so that a daemon which is PID 1 of a container is
 * found under its real pid from the host.
 */
public final class FileLocks {

	private static final Path PROC_LOCKS = Path.of("/proc/locks");

	private FileLocks() {
	}

	/**
	 * Returns the pid of the process that holds an exclusive {@code flock} on a file.
	 * @param file the file (not followed if a symbolic link)
	 * @return the pid, 0 if the holder is outside this PID namespace, or empty if no
	 * process holds the lock or the file is missing
	 */
	public static OptionalLong flockHolder(Path file) {
		String device;
		long inode;
		try {
			Map<String, Object> attributes = Files.readAttributes(file, "unix:dev,ino", LinkOption.NOFOLLOW_LINKS);
			long dev = (Long) attributes.get("dev");
			inode = (Long) attributes.get("ino");
			device = String.format("%02x:%02x:", major(dev), minor(dev));
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
		try {
			return holder(Files.readString(PROC_LOCKS), device + inode);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + PROC_LOCKS, ex);
		}
	}

	// Lines such as "3: FLOCK  ADVISORY  WRITE 12345 08:01:1311017 0 EOF"; waiters
	// carry "->" after the number and hold nothing.
	static OptionalLong holder(String procLocks, String deviceAndInode) {
		for (String line : procLocks.split("\n")) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length >= 6 && fields[1].equals("FLOCK") && fields[3].equals("WRITE")
					&& fields[5].equals(deviceAndInode)) {
				return OptionalLong.of(Long.parseLong(fields[4]));
			}
		}
		return OptionalLong.empty();
	}

	// glibc's encoding of dev_t.
	private static long major(long dev) {
		return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
	}

	private static long minor(long dev) {
		return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
	}

}
