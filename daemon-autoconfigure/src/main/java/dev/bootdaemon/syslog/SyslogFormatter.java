package dev.bootdaemon.syslog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.bootdaemon.autoconfigure.DaemonProperties.SyslogFormat;

/**
 * Builds syslog messages: RFC 3164 as libc's {@code syslog(3)} writes it to a local
 * socket ({@code <PRI>Mmm dd hh:mm:ss tag[pid]: msg}), or RFC 5424
 * ({@code <PRI>1 timestamp host tag pid - - msg}).
 */
final class SyslogFormatter {

	private static final DateTimeFormatter RFC3164_TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss",
			Locale.ROOT);

	private static final DateTimeFormatter RFC5424_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final SyslogFormat format;

	private final int facility;

	private final String tag;

	private final String host;

	private final long pid = ProcessHandle.current().pid();

	SyslogFormatter(SyslogFormat format, int facility, String tag) {
		this.format = format;
		this.facility = facility;
		this.tag = tag;
		this.host = hostName();
	}

	byte[] format(int severity, String message) {
		int priority = this.facility * 8 + severity;
		ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
		String header = (this.format == SyslogFormat.RFC3164)
				? "<" + priority + ">" + RFC3164_TIME.format(now) + " " + this.tag + "[" + this.pid + "]: "
				: "<" + priority + ">1 " + RFC5424_TIME.format(now) + " " + this.host + " " + this.tag + " " + this.pid
						+ " - - ";
		return (header + message).getBytes(StandardCharsets.UTF_8);
	}

	private static String hostName() {
		try {
			String name = InetAddress.getLocalHost().getHostName();
			return name.isEmpty() ? "-" : name.replace(' ', '-');
		}
		catch (UnknownHostException ex) {
			return "-";
		}
	}

}
