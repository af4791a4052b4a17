package dev.bootdaemon.syslog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Severity}.
 */
class SeverityTests {

	private static final String PREFIX = "2026-11-26T07:47:26.806Z ";

	@Test
	void whenAPlainLineThenTheStreamDecides() {
		assertThat(new Severity(Severity.INFO).of("hello")).isEqualTo(Severity.INFO);
		assertThat(new Severity(Severity.ERR).of("[0.009s][info][gc] Using G1")).isEqualTo(Severity.ERR);
	}

	@Test
	void whenABootLogLineThenItsLevelDecides() {
		Severity stdout = new Severity(Severity.INFO);
		assertThat(stdout.of(PREFIX + "ERROR 42 --- [app] [main] x : boom")).isEqualTo(Severity.ERR);
		assertThat(stdout.of(PREFIX + " WARN 42 --- [app] [main] x : careful")).isEqualTo(Severity.WARNING);
		assertThat(stdout.of(PREFIX + " INFO 42 --- [app] [main] x : fine")).isEqualTo(Severity.INFO);
		assertThat(stdout.of(PREFIX + "DEBUG 42 --- [app] [main] x : detail")).isEqualTo(Severity.DEBUG);
		assertThat(stdout.of(PREFIX + "TRACE 42 --- [app] [main] x : more")).isEqualTo(Severity.DEBUG);
	}

	@Test
	void whenAStackTraceFollowsAnEventThenItKeepsTheEventsSeverity() {
		Severity stdout = new Severity(Severity.INFO);
		stdout.of(PREFIX + "ERROR 42 --- [app] [main] x : boom");
		assertThat(stdout.of("java.lang.IllegalStateException: boom")).isEqualTo(Severity.ERR);
		assertThat(stdout.of("\tat dev.bootdaemon.sample.SampleApplication.say(SampleApplication.java:40)"))
			.isEqualTo(Severity.ERR);
		assertThat(stdout.of("Caused by: java.io.IOException: x")).isEqualTo(Severity.ERR);
		assertThat(stdout.of("\t... 12 more")).isEqualTo(Severity.ERR);
		assertThat(stdout.of("a plain line again")).isEqualTo(Severity.INFO);
		assertThat(stdout.of("\tindented, but after a plain line")).isEqualTo(Severity.INFO);
	}

}
