package dev.bootdaemon.settings;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

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
	 * Creates the exception naming the value as the user wrote it, not as it was bound
	 * (a {@code Duration} prints as {@code PT5S}).
	 * @param environment where the property was set
	 * @param property the property's name
	 * @param value its bound value, named when the environment has no text for it
	 * @param reason why it cannot work
	 * @return the exception
	 */
	static InvalidDaemonPropertyException asWritten(Environment environment, String property, Object value,
			String reason) {
		return new InvalidDaemonPropertyException(property, environment.getProperty(property, value.toString()),
				reason);
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
