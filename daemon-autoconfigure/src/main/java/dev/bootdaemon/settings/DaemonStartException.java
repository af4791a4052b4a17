package dev.bootdaemon.settings;

/**
 * Why the daemon could not be started, worded for the person who started it.
 */
public class DaemonStartException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what went wrong, as the launcher prints it
	 */
	public DaemonStartException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message what went wrong, as the launcher prints it
	 * @param cause the cause
	 */
	public DaemonStartException(String message, Throwable cause) {
		super(message, cause);
	}

}
