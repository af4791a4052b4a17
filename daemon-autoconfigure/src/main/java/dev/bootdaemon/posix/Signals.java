package dev.bootdaemon.posix;

import java.util.function.Consumer;

import sun.misc.Signal;

/**
 * Handlers for the signals a daemon answers to, through the JVM's own signal dispatch.
 */
public final class Signals {

	private Signals() {
	}

	/**
	 * Handles a signal, replacing the JVM's default for it.
	 * @param name the signal's name without {@code SIG}, such as {@code HUP}
	 * @param handler told the signal's full name, such as {@code SIGHUP}
	 */
	public static void handle(String name, Consumer<String> handler) {
		Signal.handle(new Signal(name), (signal) -> handler.accept("SIG" + signal.getName()));
	}

}
