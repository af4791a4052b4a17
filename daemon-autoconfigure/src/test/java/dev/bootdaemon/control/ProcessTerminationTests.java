package dev.bootdaemon.control;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ProcessTermination}, with real processes that are not this JVM's
 * children, as a daemon never is.
 */
class ProcessTerminationTests {

	private Process parent;

	@AfterEach
	void killParent() {
		if (this.parent != null) {
			this.parent.destroyForcibly();
		}
	}

	@Test
	void whenAnExitedProcessIsNotReapedThenItHasExitedAtOnce() throws IOException {
		// The shell's background sleep exits, and the exec'd sleep that becomes its
		// parent never waits for it: it stays a zombie.
		ProcessHandle grandchild = grandchild("sleep 0.2 & exec sleep 30");
		long start = System.nanoTime();
		assertThat(ProcessTermination.awaitExit(grandchild, Duration.ofSeconds(10))).isTrue();
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.println("Unreaped grandchild seen exited after " + millis + " ms");
		assertThat(millis).isLessThan(2000);
		assertThat(grandchild.isAlive()).as("the JDK still counts the zombie alive").isTrue();
	}

	@Test
	void whenTheProcessRunsOnThenAwaitingTimesOutAndTerminateEndsIt() throws IOException {
		ProcessHandle grandchild = grandchild("sleep 30 & wait");
		assertThat(ProcessTermination.awaitExit(grandchild, Duration.ofMillis(100))).isFalse();
		assertThat(ProcessTermination.terminate(grandchild, Duration.ZERO, Duration.ofSeconds(10), true))
			.isEqualTo(ProcessTermination.Outcome.EXITED);
	}

	@Test
	void whenSigtermIsIgnoredThenTerminateKillsOnlyWhenForced() throws IOException {
		ProcessHandle grandchild = grandchild("trap '' TERM; sleep 30 & wait");
		// The shell's "&" child: ignores TERM as inherited, so only SIGKILL ends it.
		assertThat(ProcessTermination.terminate(grandchild, Duration.ZERO, Duration.ofMillis(200), false))
			.isEqualTo(ProcessTermination.Outcome.STILL_RUNNING);
		assertThat(ProcessTermination.terminate(grandchild, Duration.ZERO, Duration.ofMillis(200), true))
			.isEqualTo(ProcessTermination.Outcome.KILLED);
	}

	@Test
	void whenATimeoutIsFormattedThenItReadsAsWritten() {
		assertThat(ProcessTermination.format(Duration.ofMillis(500))).isEqualTo("500ms");
		assertThat(ProcessTermination.format(Duration.ofSeconds(30))).isEqualTo("30s");
	}

	private ProcessHandle grandchild(String script) throws IOException {
		this.parent = new ProcessBuilder("sh", "-c", script).start();
		return await().until(() -> this.parent.children().findFirst(), (found) -> found.isPresent()).get();
	}

}
