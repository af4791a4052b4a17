package dev.bootdaemon.launch;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DetachedProcess}; the sample app's integration tests check the
 * detached daemon itself through {@code /proc}.
 */
class DetachedProcessTests {

	@Test
	void whenTheCommandIsWrittenToItsScriptThenEachWordIsQuotedForTheShell() {
		assertThat(DetachedProcess.script(List.of("/bin/java", "a b", "", "it's")))
			.startsWith("set -- '/bin/java' 'a b' '' 'it'\\''s'\n");
	}

}
