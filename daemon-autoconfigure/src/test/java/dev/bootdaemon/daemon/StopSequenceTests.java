package dev.bootdaemon.daemon;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StopSequence}, on real application contexts.
 */
class StopSequenceTests {

	@Test
	void whenAChildContextClosesThenTheDaemonsContextIsNotTakenAsStopping() {
		AtomicInteger closing = new AtomicInteger();
		try (GenericApplicationContext daemon = new GenericApplicationContext()) {
			daemon.addApplicationListener(StopSequence.whenClosing(daemon, closing::incrementAndGet));
			daemon.refresh();
			// As SpringApplicationBuilder.child makes one: its events reach the parent too.
			GenericApplicationContext child = new GenericApplicationContext();
			child.setParent(daemon);
			child.refresh();
			child.close();
			assertThat(closing).hasValue(0);
		}
		assertThat(closing).hasValue(1);
	}

}
