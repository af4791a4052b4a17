package dev.bootdaemon.pidfile;

/**
 * Thrown when a pidfile cannot be read, written or locked.
 */
public class PidFileException extends RuntimeException {

	PidFileException(String message) {
		super(message);
	}

	PidFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
