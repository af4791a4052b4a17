package dev.bootdaemon.settings;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * A {@code daemon.*} property with a value that cannot work, found before detaching:
 * Spring Boot's exception for it, worded as the one line the launcher prints.
 */
public class InvalidDaemonPropertyException extends InvalidConfigurationPropertyValueException {

	/**
	 * Creates the exception.
	 * @param property the property's name
	 * @param value its value, as the user wrote it where possible
	 * @param reason why it cannot work
	 */
	public InvalidDaemonPropertyException(String property, Object value, String reason) {
		super(property, value, reason);
	}

	/**
	 * Rewords Spring Boot's exception for the same property and value.
	 * @param ex the exception
	 * @return this exception
	 */
	public static InvalidDaemonPropertyException of(InvalidConfigurationPropertyValueException ex) {
		return (ex instanceof InvalidDaemonPropertyException daemon) ? daemon
				: new InvalidDaemonPropertyException(ex.getName(), String.valueOf(ex.getValue()), ex.getReason());
	}

	@Override
	public String getMessage() {
		return "Invalid value '" + getValue() + "' for property '" + getName() + "': " + getReason();
	}

}
