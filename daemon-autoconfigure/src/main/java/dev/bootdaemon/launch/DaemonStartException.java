package dev.bootdaemon.launch;

/**
 * Why the daemon could not be started, worded for the person who started it.
 */
class DaemonStartException extends RuntimeException {

	DaemonStartException(String message) {
		super(message);
	}

	DaemonStartException(String message, Throwable cause) {
		super(message, cause);
	}

}
