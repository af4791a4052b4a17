package dev.bootdaemon.entry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.commandline.CommandLine;
import dev.bootdaemon.control.DaemonControl.ApplicationCheck;
import dev.bootdaemon.posix.ProcFiles;

/**
 * What application a JVM runs, told by its command line: the absolute path of its jar
 * (another version of it in the same directory is the same application), else its main
 * module or class. {@code stop}, {@code status} and {@code restart} act
 * only on a pidfile's holder that runs the same application as they do.
 */
final class ApplicationIdentity implements ApplicationCheck {

	private final @Nullable String identity;

	private ApplicationIdentity(@Nullable String identity) {
		this.identity = identity;
	}

	/**
	 * Returns the identity of the application a command line runs.
	 * @param commandLine the command line, as byte strings
	 * @param workingDirectory the directory a relative jar path is relative to
	 * @return the check against other processes
	 */
	static ApplicationIdentity of(List<String> commandLine, Path workingDirectory) {
		return new ApplicationIdentity(identity(commandLine, workingDirectory));
	}

	static @Nullable String identity(List<String> commandLine, Path workingDirectory) {
		int main = CommandLine.mainIndex(commandLine);
		if (main >= commandLine.size()) {
			return null;
		}
		String jar = CommandLine.jar(commandLine);
		return (jar != null) ? workingDirectory.resolve(jar).normalize().toString()
				: CommandLine.text(commandLine.get(main));
	}

	@Override
	public @Nullable String otherApplication(long pid) {
		String theirs;
		try {
			theirs = identity(CommandLine.of(pid), ProcFiles.workingDirectory(pid));
		}
		catch (IOException | RuntimeException ex) {
			// Not ours to read (another user, hidepid): cannot be told.
			return null;
		}
		return (this.identity == null || sameApplication(this.identity, theirs)) ? null
				: (theirs != null) ? theirs + ", not " + this.identity : "something else than " + this.identity;
	}

	// Another version of the same jar in the same directory is the same application.
	private static boolean sameApplication(String ours, @Nullable String theirs) {
		if (theirs == null) {
			return false;
		}
		if (ours.equals(theirs) || !ours.endsWith(".jar") || !theirs.endsWith(".jar")) {
			return ours.equals(theirs);
		}
		Path our = Path.of(ours);
		Path their = Path.of(theirs);
		return Objects.equals(our.getParent(), their.getParent())
				&& CommandLine.jarName(ours).equals(CommandLine.jarName(theirs));
	}

}
