package dev.bootdaemon.settings;

/**
 * Why the daemon could not be started, worded for the person who started it.
 */
public class DaemonStartException extends RuntimeException {

	public DaemonStartException(String message) {
		super(message);
	}

	public DaemonStartException(String message, Throwable cause) {
		super(message, cause);
	}

}
