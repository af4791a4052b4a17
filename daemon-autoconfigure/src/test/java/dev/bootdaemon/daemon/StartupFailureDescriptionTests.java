package dev.bootdaemon.daemon;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StartupFailureDescription}.
 */
class StartupFailureDescriptionTests {

	@Test
	void whenAnAnalyzerKnowsTheFailureThenItsDescriptionAndActionAreUsed() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			String description = StartupFailureDescription.of(context, new IllegalStateException("wrapped",
					new InvalidConfigurationPropertyValueException("server.port", "abc", "Not a port")));
			assertThat(description).startsWith("Description:\n\nInvalid value 'abc' for configuration property 'server.port'")
				.contains("Not a port")
				.contains("\n\nAction:\n\n");
		}
	}

	@Test
	void whenNoAnalyzerKnowsTheFailureThenTheCausesAreListed() {
		String description = StartupFailureDescription.of(null,
				new IllegalStateException("outer", new IllegalArgumentException("inner")));
		assertThat(description).isEqualTo(
				"java.lang.IllegalStateException: outer\nCaused by: java.lang.IllegalArgumentException: inner");
	}

}
