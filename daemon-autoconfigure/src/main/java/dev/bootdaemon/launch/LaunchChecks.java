package dev.bootdaemon.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import dev.bootdaemon.autoconfigure.InvalidDaemonPropertyException;

/**
 * Checks, in the launcher and before anything is created, that the daemon's files and
 * directories can be used, naming the property at fault.
 */
final class LaunchChecks {

	private LaunchChecks() {
	}

	static void check(DaemonSettings settings) {
		if (!Files.isDirectory(settings.workingDirectory())) {
			throw new InvalidDaemonPropertyException(DaemonSettings.WORKING_DIRECTORY, settings.workingDirectory(),
					"no such directory");
		}
		Path outputFile = settings.output().file();
		if (outputFile != null) {
			checkWritableFile(DaemonSettings.OUTPUT_FILE, outputFile);
		}
		checkWritableFile(settings.pidFileProperty(), settings.pidFile());
		if (Files.isSymbolicLink(settings.pidFile())) {
			throw new InvalidDaemonPropertyException(settings.pidFileProperty(), settings.pidFile(),
					"is a symbolic link; a pidfile must be a regular file");
		}
		if (isWorldWritableWithoutStickyBit(settings.pidFile().getParent())) {
			throw new InvalidDaemonPropertyException(settings.pidFileProperty(), settings.pidFile(),
					"directory " + settings.pidFile().getParent()
							+ " is world-writable without the sticky bit, so anyone could replace the pidfile");
		}
	}

	// In a sticky directory such as /tmp others cannot replace our files; without the
	// bit they can rename anything away.
	private static boolean isWorldWritableWithoutStickyBit(Path directory) {
		try {
			int mode = (Integer) Files.getAttribute(directory, "unix:mode");
			return (mode & 0002) != 0 && (mode & 01000) == 0;
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

	private static void checkWritableFile(String property, Path file) {
		if (Files.isDirectory(file)) {
			throw new InvalidDaemonPropertyException(property, file, "is a directory");
		}
		Path directory = file.getParent();
		if (directory == null || !Files.isDirectory(directory)) {
			throw new InvalidDaemonPropertyException(property, file, "directory " + directory + " does not exist");
		}
		// access(2) says yes to root everywhere; only creating a file tells for sure.
		try {
			Files.delete(Files.createTempFile(directory, ".boot-daemon-", ".probe"));
		}
		catch (IOException ex) {
			throw new InvalidDaemonPropertyException(property, file, "directory " + directory + " is not writable");
		}
		if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(file) && !Files.isWritable(file)) {
			throw new InvalidDaemonPropertyException(property, file, "file is not writable");
		}
	}

}
