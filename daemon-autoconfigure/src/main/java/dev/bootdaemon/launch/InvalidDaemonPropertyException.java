package dev.bootdaemon.launch;

/**
 * A {@code daemon.*} property with a value that cannot work, found before detaching.
 */
class InvalidDaemonPropertyException extends DaemonStartException {

	InvalidDaemonPropertyException(String property, Object value, String reason) {
		super("Invalid value '" + value + "' for property '" + property + "': " + reason);
	}

}
