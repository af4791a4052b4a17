package dev.bootdaemon.syslog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

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

	private final byte[][] cachedHeaders = new byte[8][];

	private long cachedSecond = -1;

	SyslogFormatter(SyslogFormat format, int facility, String tag) {
		this.format = format;
		this.facility = facility;
		this.tag = tag;
		this.host = hostName();
	}

	byte[] format(int severity, String message) {
		byte[] header = header(severity);
		byte[] body = message.getBytes(StandardCharsets.UTF_8);
		byte[] result = Arrays.copyOf(header, header.length + body.length);
		System.arraycopy(body, 0, result, header.length, body.length);
		return result;
	}

	// Only the sender thread calls this. RFC 3164 stamps seconds, so its header is
	// built once a second and severity; RFC 5424's milliseconds need it each time.
	private byte[] header(int severity) {
		long now = System.currentTimeMillis();
		if (this.format == SyslogFormat.RFC5424 || now / 1000 != this.cachedSecond
				|| this.cachedHeaders[severity] == null) {
			if (now / 1000 != this.cachedSecond) {
				Arrays.fill(this.cachedHeaders, null);
				this.cachedSecond = now / 1000;
			}
			ZonedDateTime time = ZonedDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneId.systemDefault());
			int priority = this.facility * 8 + severity;
			String header = (this.format == SyslogFormat.RFC3164)
					? "<" + priority + ">" + RFC3164_TIME.format(time) + " " + this.tag + "[" + this.pid + "]: "
					: "<" + priority + ">1 " + RFC5424_TIME.format(time) + " " + this.host + " " + this.tag + " "
							+ this.pid + " - - ";
			this.cachedHeaders[severity] = header.getBytes(StandardCharsets.UTF_8);
		}
		return this.cachedHeaders[severity];
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
