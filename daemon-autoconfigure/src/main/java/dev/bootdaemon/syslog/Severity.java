package dev.bootdaemon.syslog;

import java.nio.charset.StandardCharsets;

/**
 * The syslog severity of a line the application wrote. Standard output is
 * {@code info} and standard error {@code err}, unless the line starts a logging event,
 * whose level decides: a line in Spring Boot's default console format (logback's and
 * log4j2's alike), or in any other pattern that prints the level near the start of the
 * line, as a word of its own. The lines of a stack trace that follow an event keep its
 * severity, and so does every line that comes in the same read as its event without
 * starting another: a logging event over several lines (Spring Boot's failure report) is
 * written at once, while a plain line written later goes back to the stream's severity.
 * <p>
 * Read from the line's UTF-8 bytes without decoding them, as these regular expressions
 * would, in this order: {@code ^\d{4}-\d\d-\d\d[T ]\S+\s+(ERROR|WARN|INFO|DEBUG|TRACE|FATAL)\s}
 * (an event in Spring Boot's format),
 * {@code ^(\s|Caused by: |Suppressed: |\.\.\. \d+ more|[\w$.]+(Exception|Error|Throwable)\b)}
 * (a stack trace line), then {@code ^(?=\S).*?(?<!W)(ERROR|WARN|INFO|DEBUG|TRACE|FATAL)(?!W)}
 * within the line's first {@value #LEVEL_REACH} bytes, W being a word character or one
 * beyond ASCII (an event in another pattern); where a character beyond ASCII after a
 * throwable's name goes on with its word.
 */
final class Severity {

	static final int ERR = 3;

	static final int WARNING = 4;

	static final int INFO = 6;

	static final int DEBUG = 7;

	// How far into a line another pattern's level may be: past a date, a time, a thread.
	static final int LEVEL_REACH = 160;

	private static final byte[][] LEVELS = bytes("ERROR", "WARN", "INFO", "DEBUG", "TRACE", "FATAL");

	private static final int[] LEVEL_SEVERITIES = { ERR, WARNING, INFO, DEBUG, DEBUG, ERR };

	private static final byte[][] TRACE_STARTS = bytes("Caused by: ", "Suppressed: ");

	private static final byte[][] THROWABLES = bytes("Exception", "Error", "Throwable");

	private static final byte[] ELLIPSIS = bytes("... ")[0];

	private static final byte[] MORE = bytes(" more")[0];

	private final int streamDefault;

	private int lastEvent;

	// Whether the lines read now came with the last event, in the same read.
	private boolean sameRead;

	Severity(int streamDefault) {
		this.streamDefault = streamDefault;
		this.lastEvent = streamDefault;
	}

	/**
	 * Marks the start of a new read from the stream.
	 */
	void newRead() {
		this.sameRead = false;
	}

	int of(byte[] line, int from, int to) {
		int event = eventLevel(line, from, to);
		if (event == -1 && isStackTrace(line, from, to)) {
			return this.lastEvent;
		}
		if (event == -1) {
			event = levelWord(line, from, to);
		}
		if (event != -1) {
			this.lastEvent = event;
			this.sameRead = true;
			return event;
		}
		if (this.sameRead) {
			return this.lastEvent;
		}
		this.lastEvent = this.streamDefault;
		return this.streamDefault;
	}

	// 12:03:11.123 [main] ERROR c.e.Orders - boom; [WARN] careful; a line starting with a
	// blank is never an event.
	private static int levelWord(byte[] line, int from, int to) {
		if (from == to || isSpace(line[from])) {
			return -1;
		}
		int reach = Math.min(to, from + LEVEL_REACH);
		for (int start = from; start < reach; start++) {
			if (start > from && isWordOrBeyondAscii(line[start - 1])) {
				continue;
			}
			for (int i = 0; i < LEVELS.length; i++) {
				int end = start + LEVELS[i].length;
				if (end <= reach && startsWith(line, start, to, LEVELS[i])
						&& (end == to || !isWordOrBeyondAscii(line[end]))) {
					return LEVEL_SEVERITIES[i];
				}
			}
		}
		return -1;
	}

	private static boolean isWordOrBeyondAscii(byte b) {
		return isWordCharacter(b) || b < 0;
	}

	// 2026-11-26T07:47:26.806Z  INFO 10053 --- [app] [main] logger : message
	private static int eventLevel(byte[] line, int from, int to) {
		if (to - from < 11 || !digits(line, from, 4) || line[from + 4] != '-' || !digits(line, from + 5, 2)
				|| line[from + 7] != '-' || !digits(line, from + 8, 2)
				|| (line[from + 10] != 'T' && line[from + 10] != ' ')) {
			return -1;
		}
		int time = from + 11;
		int blanks = skip(line, time, to, false);
		int level = skip(line, blanks, to, true);
		if (blanks == time || level == blanks) {
			return -1;
		}
		for (int i = 0; i < LEVELS.length; i++) {
			int end = level + LEVELS[i].length;
			if (startsWith(line, level, to, LEVELS[i]) && end < to && isSpace(line[end])) {
				return LEVEL_SEVERITIES[i];
			}
		}
		return -1;
	}

	private static boolean isStackTrace(byte[] line, int from, int to) {
		if (from == to) {
			return false;
		}
		if (isSpace(line[from]) || startsWith(line, from, to, TRACE_STARTS[0])
				|| startsWith(line, from, to, TRACE_STARTS[1])) {
			return true;
		}
		return isMoreLine(line, from, to) || startsWithThrowableName(line, from, to);
	}

	// "... 12 more"
	private static boolean isMoreLine(byte[] line, int from, int to) {
		if (!startsWith(line, from, to, ELLIPSIS)) {
			return false;
		}
		int number = from + ELLIPSIS.length;
		int end = number;
		while (end < to && isDigit(line[end])) {
			end++;
		}
		return end > number && startsWith(line, end, to, MORE);
	}

	// A name of [\w$.] characters with Exception, Error or Throwable ending one of its
	// words: java.lang.IllegalStateException, a.b.Outer$InnerError.
	private static boolean startsWithThrowableName(byte[] line, int from, int to) {
		int name = from;
		while (name < to && isNameCharacter(line[name])) {
			name++;
		}
		for (int end = from + 1; end <= name; end++) {
			if (end < to && (isWordCharacter(line[end]) || line[end] < 0)) {
				// No word boundary: the word goes on, also in a letter beyond ASCII.
				continue;
			}
			for (byte[] word : THROWABLES) {
				int start = end - word.length;
				if (start > from && startsWith(line, start, end, word)) {
					return true;
				}
			}
		}
		return false;
	}

	private static int skip(byte[] line, int from, int to, boolean space) {
		int i = from;
		while (i < to && isSpace(line[i]) == space) {
			i++;
		}
		return i;
	}

	private static boolean digits(byte[] line, int from, int count) {
		for (int i = from; i < from + count; i++) {
			if (!isDigit(line[i])) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] line, int from, int to, byte[] prefix) {
		if (to - from < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (line[from + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	// \s in Java's regular expressions: [ \t\n\x0B\f\r].
	private static boolean isSpace(byte b) {
		return b == ' ' || (b >= '\t' && b <= '\r');
	}

	private static boolean isDigit(byte b) {
		return b >= '0' && b <= '9';
	}

	private static boolean isWordCharacter(byte b) {
		return isDigit(b) || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_';
	}

	private static boolean isNameCharacter(byte b) {
		return isWordCharacter(b) || b == '$' || b == '.';
	}

	private static byte[][] bytes(String... words) {
		byte[][] bytes = new byte[words.length][];
		for (int i = 0; i < words.length; i++) {
			bytes[i] = words[i].getBytes(StandardCharsets.US_ASCII);
		}
		return bytes;
	}

}
