package dev.bootdaemon.output;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The daemon's side of its output, once attached: what it can do with it while it runs
 * and when it stops. The launcher's side is {@link OutputTarget}.
 */
public interface AttachedOutput {

	/**
	 * Opens the target anew after a log rotation, on SIGHUP.
	 * @return whether there was anything to reopen
	 * @throws IllegalStateException if it cannot be reopened, with one line that says
	 * why and what to do; the output stays where it was
	 */
	default boolean reopen() {
		return false;
	}

	/**
	 * Returns how many lines could not be delivered, for targets that can lose some.
	 * @return the count, or empty if this target never drops lines
	 */
	default OptionalLong droppedLines() {
		return OptionalLong.empty();
	}

	/**
	 * Delivers what was written and not yet delivered, at shutdown.
	 * @param timeout how long to wait at most
	 */
	default void flush(Duration timeout) {
	}

	/**
	 * Returns how messages name this output.
	 * @return a short description such as {@code output /var/log/app.out}
	 */
	String description();

}
