package dev.bootdaemon.posix;

/**
 * Thrown when the daemon's native needs cannot be met on this machine.
 */
public class UnsupportedPlatformException extends RuntimeException {

	UnsupportedPlatformException(String message, Throwable cause) {
		super(message, cause);
	}

	UnsupportedPlatformException(String message) {
		super(message);
	}

}
