package dev.bootdaemon.syslog;

/**
 * Syslog message format.
 */
public enum SyslogFormat {

	/**
	 * BSD syslog, as libc's syslog(3) writes it to /dev/log.
	 */
	RFC3164,

	/**
	 * The syslog protocol, with full timestamp and hostname.
	 */
	RFC5424

}
