package dev.bootdaemon.settings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.pidfile.PidFileProbe;
import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.TrustedFiles;

/**
 * Checks, before anything is created, that the daemon's files, directories, user and
 * output can be used, naming the property at fault.
 */
public final class LaunchChecks {

	private LaunchChecks() {
	}

	/**
	 * Everything checked before this process detaches or becomes the daemon: paths,
	 * user, reachability of the output and the pidfile's lock.
	 * @param settings the settings
	 * @param posix the libc binding
	 * @param warnings where to warn about an output that cannot be reached yet
	 * @return the user switch to make once started, or {@code null}
	 */
	public static @Nullable UserSwitch preflight(DaemonSettings settings, Posix posix, PrintStream warnings) {
		check(settings);
		UserSwitch userSwitch = UserSwitch.of(settings, posix);
		settings.output().unreachable(posix).ifPresent((reason) -> {
			if (settings.outputStrict()) {
				throw new InvalidDaemonPropertyException("daemon.syslog.address", settings.output().value(),
						"unreachable (" + reason + ") and daemon.syslog.strict is true");
			}
			warnings.println("Warning: " + settings.output().description() + " is unreachable (" + reason
					+ "); the daemon delivers its output once it can");
		});
		PidFileProbe.refuseIfHeld(settings.pidFile());
		return userSwitch;
	}

	static void check(DaemonSettings settings) {
		if (!Files.isDirectory(settings.workingDirectory())) {
			throw new InvalidDaemonPropertyException(DaemonSettings.WORKING_DIRECTORY, settings.workingDirectory(),
					"no such directory");
		}
		Path outputFile = settings.output().file();
		if (outputFile != null) {
			checkWritableFile(DaemonSettings.OUTPUT_FILE, outputFile);
			String problem = TrustedFiles.problem(outputFile, settings.user());
			if (problem != null) {
				throw new InvalidDaemonPropertyException(DaemonSettings.OUTPUT_FILE, outputFile, problem);
			}
		}
		checkWritableFile(settings.pidFileProperty(), settings.pidFile());
		String pidFileProblem = PidFileProbe.problem(settings.pidFile());
		if (pidFileProblem != null) {
			throw new InvalidDaemonPropertyException(settings.pidFileProperty(), settings.pidFile(), pidFileProblem);
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
