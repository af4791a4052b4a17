package dev.bootdaemon.output;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import sun.misc.Signal;

import dev.bootdaemon.posix.Posix;

/**
 * Reopens the output on SIGHUP and on SIGUSR1 (jsvc's signal for this), so that
 * logrotate can move the output file away and have the daemon create a new one. A
 * detached daemon has no terminal to hang up, and the JVM's default for SIGHUP would be
 * to exit.
 */
public final class OutputReopening {

	private static final Log logger = LogFactory.getLog(OutputReopening.class);

	private OutputReopening() {
	}

	/**
	 * Installs the handlers.
	 * @param output the output to reopen
	 * @param posix the libc binding
	 */
	public static void install(OutputTarget output, Posix posix) {
		for (String name : new String[] { "HUP", "USR1" }) {
			Signal.handle(new Signal(name), (signal) -> reopen(output, posix, signal));
		}
	}

	private static void reopen(OutputTarget output, Posix posix, Signal signal) {
		try {
			if (output.reopen(posix)) {
				logger.info("Reopened " + output.description() + " on SIG" + signal.getName());
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not reopen " + output.description() + " on SIG" + signal.getName(), ex);
		}
	}

}
