package dev.bootdaemon.posix;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SignalState}.
 */
class SignalStateTests {

	@Test
	void whenSignalsAreIgnoredOrBlockedThenEachIsNamed() {
		// SigIgn: HUP (bit 0), INT (bit 1), TERM (bit 14), glibc's own 32 and 33; SigBlk: QUIT, USR1.
		String status = "Name:\tjava\nSigBlk:\t0000000000000204\nSigIgn:\t0000000180004003\nSigCgt:\t0\n";
		assertThat(SignalState.problems(status)).containsExactly("SIGHUP is ignored", "SIGINT is ignored",
				"SIGUSR1 is blocked", "SIGTERM is ignored");
	}

	@Test
	void whenNothingIsIgnoredOrBlockedThenNothingIsNamed() {
		assertThat(SignalState.problems("SigBlk:\t0000000000000000\nSigIgn:\t0000000180000000\n")).isEmpty();
	}

}
