package dev.bootdaemon.posix;

import java.util.function.Consumer;

import sun.misc.Signal;
import sun.misc.SignalHandler;

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
	 * @return puts back the handler there was before
	 */
	public static Runnable handle(String name, Consumer<String> handler) {
		Signal signal = new Signal(name);
		SignalHandler previous = Signal.handle(signal, (received) -> handler.accept("SIG" + received.getName()));
		return () -> Signal.handle(signal, previous);
	}

}
