package dev.bootdaemon.launch;

import java.nio.file.Path;

import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.DaemonStartException;

/**
 * A logrotate stanza for the daemon's output file. The daemon reopens its output on
 * SIGHUP, creating the file anew, so logrotate moves the file away and signals it: no
 * {@code copytruncate}, no lines lost.
 */
public final class LogrotateStanza {

	private LogrotateStanza() {
	}

	/**
	 * Writes the stanza.
	 * @param settings the settings
	 * @return the stanza's text
	 * @throws DaemonStartException if there is no output file
	 */
	public static String of(DaemonSettings settings) {
		Path file = settings.output().file();
		if (file == null) {
			throw new DaemonStartException("there is no output file to rotate (daemon.output is "
					+ settings.output().value() + ")");
		}
		return "# " + settings.applicationName() + ", written by --daemon.command=logrotate\n"
				+ quote(file) + " {\n"
				+ "\tdaily\n"
				+ "\trotate 7\n"
				+ "\tmissingok\n"
				+ "\tnotifempty\n"
				+ "\tcompress\n"
				+ "\tdelaycompress\n"
				+ "\tpostrotate\n"
				+ "\t\tkill -HUP \"$(cat " + shellQuoted(settings.pidFile()) + " 2>/dev/null)\" 2>/dev/null || true\n"
				+ "\tendscript\n"
				+ "}\n";
	}

	// logrotate reads a path with spaces in double quotes.
	private static String quote(Path path) {
		String text = path.toString();
		return text.matches("[^\\s\"]+") ? text : "\"" + text + "\"";
	}

	private static String shellQuoted(Path path) {
		return "'" + path.toString().replace("'", "'\\''") + "'";
	}

}
