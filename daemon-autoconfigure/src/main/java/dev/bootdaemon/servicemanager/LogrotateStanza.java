package dev.bootdaemon.servicemanager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.commandline.JavaCommand;
import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.Posix.Account;
import dev.bootdaemon.posix.TrustedFiles;
import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.DaemonStartException;
import dev.bootdaemon.settings.InvalidDaemonPropertyException;

/**
 * A logrotate stanza for the daemon's output file. The daemon reopens its output on
 * SIGHUP, so logrotate moves the file away, makes the new one for the user the daemon
 * runs as ({@code create}), and signals it: no {@code copytruncate}, no lines lost. The
 * signal goes only to a live daemon that holds the pidfile's lock (procps'
 * {@code pkill --logpidfile}), never to a pid a stale pidfile names. Where someone
 * other than root can write the directory, logrotate works there as the directory's
 * owner ({@code su}), as logrotate itself asks.
 */
public final class LogrotateStanza {

	private static final String LINE_BREAKS = "\n\r";

	private static final String PATH_SPECIAL = "\"\'\\{}#" + LINE_BREAKS;

	private LogrotateStanza() {
	}

	/**
	 * Writes the stanza.
	 * @param settings the settings
	 * @param posix the libc binding, to find the primary group of {@code daemon.user}
	 * @return the stanza's text
	 * @throws DaemonStartException if there is no output file
	 * @throws InvalidDaemonPropertyException if a path cannot be written in a stanza
	 */
	public static String of(DaemonSettings settings, Posix posix) {
		Path file = settings.output().file();
		if (file == null) {
			throw new DaemonStartException("there is no output file to rotate (daemon.output is "
					+ settings.output().value() + ")");
		}
		checkWritable(DaemonSettings.OUTPUT_FILE, file, PATH_SPECIAL);
		// Only in the shell script, quoted there; a script ends at a line.
		checkWritable(settings.pidFileProperty(), settings.pidFile(), LINE_BREAKS);
		StringBuilder stanza = new StringBuilder();
		stanza.append("# ").append(SystemdUnit.oneLine(settings.applicationName()))
			.append(", written by --daemon.command=logrotate\n");
		stanza.append(quote(file)).append(" {\n");
		stanza.append("\tdaily\n\trotate 7\n\tmissingok\n\tnotifempty\n\tcompress\n\tdelaycompress\n");
		String su = su(file.getParent());
		if (su != null) {
			stanza.append("\tsu ").append(su).append('\n');
		}
		if (settings.user() != null) {
			stanza.append("\tcreate 0640 ").append(settings.user()).append(' ').append(group(settings, posix))
				.append('\n');
		}
		stanza.append("\tpostrotate\n");
		stanza.append("\t\tpkill --signal HUP --pidfile ")
			.append(JavaCommand.shellQuoted(settings.pidFile().toString()))
			.append(" --logpidfile 2>/dev/null || true\n");
		stanza.append("\tendscript\n}\n");
		return stanza.toString();
	}

	// logrotate skips a directory that a user or group other than root can write,
	// unless told whom to work as there.
	private static @Nullable String su(@Nullable Path directory) {
		if (directory == null) {
			return null;
		}
		try {
			if (!TrustedFiles.othersThanRootWrite(directory)) {
				return null;
			}
			PosixFileAttributes names = Files.readAttributes(directory, PosixFileAttributes.class);
			return names.owner().getName() + " " + names.group().getName();
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String group(DaemonSettings settings, Posix posix) {
		if (settings.group() != null) {
			return settings.group();
		}
		Account account = posix.user(settings.user());
		if (account == null) {
			throw new InvalidDaemonPropertyException("daemon.user", settings.user(), "no such user");
		}
		return Integer.toString(account.gid());
	}

	private static void checkWritable(String property, Path path, String special) {
		if (path.toString().chars().anyMatch((c) -> special.indexOf(c) >= 0)) {
			throw new InvalidDaemonPropertyException(property, path, "a logrotate stanza cannot name it "
					+ (special.equals(LINE_BREAKS) ? "with a line break" : "with quotes, backslashes, braces, # "
							+ "or line breaks"));
		}
	}

	// logrotate reads a path with spaces in double quotes.
	private static String quote(Path path) {
		String text = path.toString();
		return text.matches("\\S+") ? text : "\"" + text + "\"";
	}

}
