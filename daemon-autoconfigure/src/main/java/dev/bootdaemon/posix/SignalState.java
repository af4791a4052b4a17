package dev.bootdaemon.posix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which of the signals a daemon answers to this process ignores or blocks, as
 * {@code /proc/self/status} tells. A JVM started with SIGHUP, SIGINT or SIGTERM ignored
 * installs no handler for it, and a signal blocked in every thread is never delivered.
 */
public final class SignalState {

	// SIGQUIT is left out: the JVM takes it for thread dumps whatever it inherited.
	private static final Map<Integer, String> WATCHED = Map.of(1, "SIGHUP", 2, "SIGINT", 10, "SIGUSR1", 15,
			"SIGTERM");

	private SignalState() {
	}

	/**
	 * Returns what is wrong with this process's signals.
	 * @return one entry a signal, such as {@code SIGTERM is ignored}; empty if nothing
	 */
	public static List<String> problems() {
		try {
			return problems(ProcFiles.status());
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	static List<String> problems(String status) {
		long ignored = mask(status, "SigIgn:");
		long blocked = mask(status, "SigBlk:");
		List<String> problems = new ArrayList<>();
		for (int signal = 1; signal <= 15; signal++) {
			String name = WATCHED.get(signal);
			long bit = 1L << (signal - 1);
			if (name != null && (ignored & bit) != 0) {
				problems.add(name + " is ignored");
			}
			else if (name != null && (blocked & bit) != 0) {
				problems.add(name + " is blocked");
			}
		}
		return problems;
	}

	private static long mask(String status, String key) {
		return status.lines()
			.filter((line) -> line.startsWith(key))
			.map((line) -> Long.parseUnsignedLong(line.substring(key.length()).strip(), 16))
			.findFirst()
			.orElse(0L);
	}

}
