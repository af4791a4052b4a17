package dev.bootdaemon.entry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EarlyLaunch}'s decision; the early start itself ends the launching
 * process and is tested on the real daemon in the sample app.
 */
class EarlyLaunchTests {

	@Test
	void whenTheCommandLineAsksForDaemonModeThenTheDaemonStartsEarly() {
		assertThat(EarlyLaunch.asksForEarlyStart(new String[] { "--daemon.enabled=true", "--server.port=0" }))
			.isTrue();
		assertThat(EarlyLaunch.asksForEarlyStart(new String[] { "--daemon.enabled=TRUE", "--daemon.command=start",
				"--daemon.detach=always" }))
			.isTrue();
		assertThat(EarlyLaunch.asksForEarlyStart(new String[] { "--daemon.enabled=false", "--daemon.enabled=true" }))
			.as("the last value wins")
			.isTrue();
	}

	@Test
	void whenTheCommandLineDoesNotSettleDaemonModeOrNeedsTheUsualStartThenNothingStartsEarly() {
		assertThat(EarlyLaunch.asksForEarlyStart(new String[] { "--server.port=0" })).isFalse();
		assertThat(EarlyLaunch.asksForEarlyStart(new String[] { "--daemon.enabled=false" })).isFalse();
		assertThat(EarlyLaunch.asksForEarlyStart(new String[] { "--daemon.enabled=maybe" })).isFalse();
		for (String usual : new String[] { "--daemon.command=stop", "--daemon.detach=never", "--daemon.aot-cache=app.aot",
				"--daemon.working-directory=/srv" }) {
			assertThat(EarlyLaunch.asksForEarlyStart(new String[] { "--daemon.enabled=true", usual })).as(usual)
				.isFalse();
		}
	}

	@Test
	void whenASystemPropertyAsksForDaemonModeThenTheDaemonStartsEarlyUnlessTheCommandLineSaysNo() {
		System.setProperty("daemon.enabled", "true");
		try {
			assertThat(EarlyLaunch.asksForEarlyStart(new String[0])).isTrue();
			assertThat(EarlyLaunch.asksForEarlyStart(new String[] { "--daemon.enabled=false" })).isFalse();
		}
		finally {
			System.clearProperty("daemon.enabled");
		}
	}

}
