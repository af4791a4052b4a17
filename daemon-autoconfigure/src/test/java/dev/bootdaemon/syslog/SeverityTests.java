package dev.bootdaemon.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Severity}.
 */
class SeverityTests {

	private static final String PREFIX = "2026-11-26T07:47:26.806Z ";

	// The rules as regular expressions, which Severity reads without decoding the line.
	// After a throwable's name, a character beyond ASCII goes on with the word, as a
	// letter would (\\b itself differs between Java 17 and 19+ there).
	private static final Pattern EVENT = Pattern
		.compile("^\\d{4}-\\d\\d-\\d\\d[T ]\\S+\\s+(ERROR|WARN|INFO|DEBUG|TRACE|FATAL)\\s");

	private static final Pattern STACK_TRACE = Pattern
		.compile("^(\\s|Caused by: |Suppressed: |\\.\\.\\. \\d+ more|[\\w$.]+(Exception|Error|Throwable)(?![\\w\\x{80}-\\x{10FFFF}]))");

	// Another pattern's event: a level as a word of its own, in a line that starts with no
	// blank (lines here are shorter than the reach).
	private static final Pattern LEVEL_WORD = Pattern.compile(
			"^(?=\\S).*?(?<![\\w\\x{80}-\\x{10FFFF}])(ERROR|WARN|INFO|DEBUG|TRACE|FATAL)(?![\\w\\x{80}-\\x{10FFFF}])",
			Pattern.DOTALL);

	@Test
	void whenAPlainLineThenTheStreamDecides() {
		assertThat(of(new Severity(Severity.INFO), "hello")).isEqualTo(Severity.INFO);
		assertThat(of(new Severity(Severity.ERR), "[0.009s][info][gc] Using G1")).isEqualTo(Severity.ERR);
	}

	@Test
	void whenABootLogLineThenItsLevelDecides() {
		Severity stdout = new Severity(Severity.INFO);
		assertThat(of(stdout, PREFIX + "ERROR 42 --- [app] [main] x : boom")).isEqualTo(Severity.ERR);
		assertThat(of(stdout, PREFIX + " WARN 42 --- [app] [main] x : careful")).isEqualTo(Severity.WARNING);
		assertThat(of(stdout, PREFIX + " INFO 42 --- [app] [main] x : fine")).isEqualTo(Severity.INFO);
		assertThat(of(stdout, PREFIX + "DEBUG 42 --- [app] [main] x : detail")).isEqualTo(Severity.DEBUG);
		assertThat(of(stdout, PREFIX + "TRACE 42 --- [app] [main] x : more")).isEqualTo(Severity.DEBUG);
	}

	@Test
	void whenAStackTraceFollowsAnEventThenItKeepsTheEventsSeverity() {
		Severity stdout = new Severity(Severity.INFO);
		of(stdout, PREFIX + "ERROR 42 --- [app] [main] x : boom");
		assertThat(of(stdout, "java.lang.IllegalStateException: boom")).isEqualTo(Severity.ERR);
		assertThat(of(stdout, "\tat dev.bootdaemon.sample.SampleApplication.say(SampleApplication.java:40)"))
			.isEqualTo(Severity.ERR);
		assertThat(of(stdout, "Caused by: java.io.IOException: x")).isEqualTo(Severity.ERR);
		assertThat(of(stdout, "\t... 12 more")).isEqualTo(Severity.ERR);
		stdout.newRead();
		assertThat(of(stdout, "\tat still.the.Trace(Trace.java:1)")).isEqualTo(Severity.ERR);
		assertThat(of(stdout, "a plain line again")).isEqualTo(Severity.INFO);
		assertThat(of(stdout, "\tindented, but after a plain line")).isEqualTo(Severity.INFO);
	}

	@Test
	void whenAnEventOverSeveralLinesComesInOneReadThenEveryLineKeepsItsSeverity() {
		// Spring Boot's failure report: one ERROR event, written at once.
		Severity stdout = new Severity(Severity.INFO);
		stdout.newRead();
		assertThat(of(stdout, PREFIX + "ERROR 42 --- [app] [main] o.s.b.d.LoggingFailureAnalysisReporter : "))
			.isEqualTo(Severity.ERR);
		for (String line : new String[] { "", "***************************", "APPLICATION FAILED TO START",
				"***************************", "", "Description:", "",
				"Web server failed to start. Port 8080 was already in use.", "", "Action:", "",
				"Identify and stop the process that's listening on port 8080." }) {
			assertThat(of(stdout, line)).as(line).isEqualTo(Severity.ERR);
		}
		assertThat(of(stdout, PREFIX + " INFO 42 --- [app] [main] x : next event")).isEqualTo(Severity.INFO);
		assertThat(of(stdout, "its second line")).isEqualTo(Severity.INFO);
		stdout.newRead();
		assertThat(of(stdout, "a plain line, written later")).isEqualTo(Severity.INFO);
	}

	@Test
	void whenAnotherPatternPrintsTheLevelThenItsEventsKeepTheirSeverityToo() {
		// logback's own default, a log4j2 pattern, a custom one with the level in brackets.
		Severity stdout = new Severity(Severity.INFO);
		stdout.newRead();
		assertThat(of(stdout, "12:03:11.123 [main] ERROR o.s.b.d.LoggingFailureAnalysisReporter - "))
			.isEqualTo(Severity.ERR);
		assertThat(of(stdout, "APPLICATION FAILED TO START")).isEqualTo(Severity.ERR);
		assertThat(of(stdout, "Description:")).isEqualTo(Severity.ERR);
		assertThat(of(stdout, "2026-12-06 14:03:11,123 main WARN  Orders: low stock")).isEqualTo(Severity.WARNING);
		assertThat(of(stdout, "and its second line")).isEqualTo(Severity.WARNING);
		assertThat(of(stdout, "orders | [FATAL] | disk full")).isEqualTo(Severity.ERR);
		stdout.newRead();
		assertThat(of(stdout, "a plain line, written later")).isEqualTo(Severity.INFO);
		// Not a level: part of a word, after a blank start, or beyond the reach.
		assertThat(of(stdout, "INFORMATION and ERRORS, WARNING")).isEqualTo(Severity.INFO);
		assertThat(of(stdout, "  indented ERROR")).isEqualTo(Severity.INFO);
		assertThat(of(stdout, "x".repeat(Severity.LEVEL_REACH) + " ERROR")).isEqualTo(Severity.INFO);
		// A stack trace line naming a level stays in its event.
		of(stdout, "12:03:11.124 [main] WARN o.x.Y - retrying");
		assertThat(of(stdout, "java.lang.IllegalStateException: ERROR from the server"))
			.isEqualTo(Severity.WARNING);
	}

	@Test
	void whenAnyLineThenItIsReadAsTheRegularExpressionsWouldReadIt() {
		String[] pieces = { "2026", "-", "11", "T", " ", "  ", "\t", "07:47:26.806Z", "ERROR", "WARN", "INFO", "DEBUG",
				"TRACE", "FATAL", "[", "x", "Exception", "Error", "Throwable", "$", ".", "...", "12", "more", "Caused by: ",
				"Suppressed: ", "java.lang.", "é", "€", "_", "0", "\r", "\u000b" };
		Random random = new Random(42);
		for (int i = 0; i < 200_000; i++) {
			StringBuilder line = new StringBuilder(random.nextBoolean() ? "2026-11-26" : "");
			for (int n = random.nextInt(8); n >= 0; n--) {
				line.append(pieces[random.nextInt(pieces.length)]);
			}
			String text = line.toString();
			Matcher event = EVENT.matcher(text);
			Matcher levelWord = LEVEL_WORD.matcher(text);
			int expected = event.find() ? severityOf(event.group(1)) : STACK_TRACE.matcher(text).find() ? Severity.ERR
					: levelWord.find() ? severityOf(levelWord.group(1)) : Severity.INFO;
			Severity afterAnError = new Severity(Severity.INFO);
			of(afterAnError, PREFIX + "ERROR 42 --- [app] [main] x : boom");
			afterAnError.newRead();
			assertThat(of(afterAnError, text)).as(text).isEqualTo(expected);
		}
	}

	private static int severityOf(String level) {
		return switch (level) {
			case "ERROR", "FATAL" -> Severity.ERR;
			case "WARN" -> Severity.WARNING;
			case "INFO" -> Severity.INFO;
			default -> Severity.DEBUG;
		};
	}

	private static int of(Severity severity, String line) {
		byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
		return severity.of(bytes, 0, bytes.length);
	}

}
