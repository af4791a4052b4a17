package dev.bootdaemon.output;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bootdaemon.posix.Signals;

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
	 * @param reload told before and after a reopen on SIGHUP, a service manager's reload
	 * @return puts back the handlers there were before
	 */
	public static Runnable install(AttachedOutput output, Reload reload) {
		Runnable hangup = Signals.handle("HUP", (signal) -> {
			reload.reloading();
			reopen(output, signal);
			reload.reloaded();
		});
		Runnable user1 = Signals.handle("USR1", (signal) -> reopen(output, signal));
		return () -> {
			hangup.run();
			user1.run();
		};
	}

	private static void reopen(AttachedOutput output, String signal) {
		try {
			if (output.reopen()) {
				logger.info("Reopened " + output.description() + " on " + signal);
			}
		}
		catch (IllegalStateException ex) {
			logger.error("Could not reopen " + output.description() + " on " + signal + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("Could not reopen " + output.description() + " on " + signal, ex);
		}
	}

	/**
	 * Told around a reopen on SIGHUP, which a service manager sends to reload.
	 */
	public interface Reload {

		/**
		 * The output is about to be reopened.
		 */
		default void reloading() {
		}

		/**
		 * The output was reopened, or could not be.
		 */
		default void reloaded() {
		}

	}

}
