package dev.bootdaemon.entry;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose configuration asks for daemon mode, started by
 * {@code @SpringBootTest} as its own tests would: the test's JVM must not become the
 * daemon (in the foreground, as here) or detach and exit (as it would by default, ending
 * the test run).
 */
@SpringBootTest(classes = SpringBootTestDaemonModeTests.Application.class,
		properties = { "daemon.enabled=true", "daemon.detach=never" })
class SpringBootTestDaemonModeTests {

	@TempDir
	static Path directory;

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void pidFile(DynamicPropertyRegistry registry) {
		registry.add("daemon.pid-file", () -> directory.resolve("app.pid").toString());
	}

	@Test
	void whenSpringsTestContextStartsTheApplicationThenDaemonModeStaysOff() {
		assertThat(this.context.containsBean("daemonRuntime")).isFalse();
		assertThat(directory).isEmptyDirectory();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
