package dev.bootdaemon.entry;

/**
 * Where a step of daemon mode leaves this process: it exits with a status (a launcher
 * whose daemon is ready, a {@code status} or {@code stop}, a refusal), or goes on with
 * a value. {@link #proceedOrExit()} is the one place that ends the JVM.
 *
 * @param <T> what the process goes on with
 */
sealed interface Step<T> permits Step.Exit, Step.Proceed {

	static <T> Step<T> exit(int status) {
		return new Exit<>(status);
	}

	static <T> Step<T> proceed(T value) {
		return new Proceed<>(value);
	}

	/**
	 * Returns what the process goes on with, or ends the JVM with the exit status.
	 * @return the value
	 */
	default T proceedOrExit() {
		if (this instanceof Proceed<T> proceed) {
			return proceed.value();
		}
		int status = ((Exit<T>) this).status();
		System.exit(status);
		throw new IllegalStateException("System.exit(" + status + ") returned");
	}

	/**
	 * The process exits.
	 *
	 * @param <T> what it would have gone on with
	 * @param status its exit status
	 */
	record Exit<T>(int status) implements Step<T> {
	}

	/**
	 * The process goes on.
	 *
	 * @param <T> what with
	 * @param value what it goes on with
	 */
	record Proceed<T>(T value) implements Step<T> {
	}

}
