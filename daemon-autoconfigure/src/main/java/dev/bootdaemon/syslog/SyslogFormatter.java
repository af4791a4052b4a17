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
 * ({@code <PRI>1 timestamp host tag pid - - msg}). Headers are built once a severity
 * and timestamp (a second in RFC 3164, a millisecond in RFC 5424) and reused until the
 * clock moves on. Each thread that formats has its own formatter.
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

	private final long tickMillis;

	private final byte[][] headers = new byte[8][];

	private long tick = -1;

	SyslogFormatter(SyslogFormat format, int facility, String tag, String host) {
		this.format = format;
		this.facility = facility;
		this.tag = tag;
		this.host = host;
		this.tickMillis = (format == SyslogFormat.RFC3164) ? 1000 : 1;
	}

	MessageBatch format(int severity, String message) {
		byte[] header = header(severity);
		byte[] body = message.getBytes(StandardCharsets.UTF_8);
		MessageBatch batch = new MessageBatch(header.length + body.length, 1);
		batch.add(header, body, 0, body.length);
		return batch;
	}

	/**
	 * Returns a formatter with the same settings, for another thread.
	 * @return the formatter
	 */
	SyslogFormatter copy() {
		return new SyslogFormatter(this.format, this.facility, this.tag, this.host);
	}

	byte[] header(int severity) {
		long now = System.currentTimeMillis();
		if (now / this.tickMillis != this.tick) {
			Arrays.fill(this.headers, null);
			this.tick = now / this.tickMillis;
		}
		byte[] header = this.headers[severity];
		if (header == null) {
			header = build(severity, ZonedDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneId.systemDefault()));
			this.headers[severity] = header;
		}
		return header;
	}

	private byte[] build(int severity, ZonedDateTime time) {
		int priority = this.facility * 8 + severity;
		String header = (this.format == SyslogFormat.RFC3164)
				? "<" + priority + ">" + RFC3164_TIME.format(time) + " " + this.tag + "[" + this.pid + "]: "
				: "<" + priority + ">1 " + RFC5424_TIME.format(time) + " " + this.host + " " + this.tag + " "
						+ this.pid + " - - ";
		return header.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Returns this host's name for RFC 5424's HOSTNAME field.
	 * @return the name, or {@code -} if it is unknown
	 */
	static String hostName() {
		try {
			String name = InetAddress.getLocalHost().getHostName();
			return name.isEmpty() ? "-" : name.replace(' ', '-');
		}
		catch (UnknownHostException ex) {
			return "-";
		}
	}

}
