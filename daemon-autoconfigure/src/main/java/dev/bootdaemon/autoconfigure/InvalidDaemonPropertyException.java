package dev.bootdaemon.autoconfigure;

/**
 * A {@code daemon.*} property with a value that cannot work, found before detaching.
 */
public class InvalidDaemonPropertyException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param property the property's name
	 * @param value its value, as the user wrote it where possible
	 * @param reason why it cannot work
	 */
	public InvalidDaemonPropertyException(String property, Object value, String reason) {
		super("Invalid value '" + value + "' for property '" + property + "': " + reason);
	}

}
