package dev.bootdaemon.syslog;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The RFC 5424 facilities, by the names syslog daemons use.
 */
final class Facility {

	// Code = index: RFC 5424 section 6.2.1, local0 to local7 at 16 to 23.
	private static final List<String> NAMES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
			"news", "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "solaris-cron", "local0",
			"local1", "local2", "local3", "local4", "local5", "local6", "local7");

	private Facility() {
	}

	static int code(String name) {
		int code = NAMES.indexOf(name.toLowerCase(Locale.ROOT));
		if (code < 0) {
			throw new InvalidConfigurationPropertyValueException("daemon.syslog.facility", name,
					"expected one of " + String.join(", ", NAMES));
		}
		return code;
	}

}
