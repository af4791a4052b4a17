package dev.bootdaemon.syslog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syslog severity of a line the application wrote. Standard output is
 * {@code info} and standard error {@code err}, unless the line is in Spring Boot's
 * default console format, whose level decides; the lines of a stack trace that follow
 * an event keep its severity.
 */
final class Severity {

	static final int ERR = 3;

	static final int WARNING = 4;

	static final int INFO = 6;

	static final int DEBUG = 7;

	// 2026-11-26T07:47:26.806Z  INFO 10053 --- [app] [main] logger : message
	private static final Pattern BOOT_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d[T ]\\S+\\s+(ERROR|WARN|INFO|DEBUG|TRACE)\\s");

	private static final Pattern CONTINUATION = Pattern
		.compile("^(\\s|Caused by: |Suppressed: |\\.\\.\\. \\d+ more|[\\w$.]+(Exception|Error|Throwable)\\b)");

	private final int streamDefault;

	private int lastEvent;

	Severity(int streamDefault) {
		this.streamDefault = streamDefault;
		this.lastEvent = streamDefault;
	}

	int of(String line) {
		Matcher boot = BOOT_LINE.matcher(line);
		if (boot.find()) {
			this.lastEvent = switch (boot.group(1)) {
				case "ERROR" -> ERR;
				case "WARN" -> WARNING;
				case "INFO" -> INFO;
				default -> DEBUG;
			};
			return this.lastEvent;
		}
		if (CONTINUATION.matcher(line).find()) {
			return this.lastEvent;
		}
		this.lastEvent = this.streamDefault;
		return this.streamDefault;
	}

}
