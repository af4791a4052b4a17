package dev.bootdaemon.entry;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bootdaemon.autoconfigure.DaemonAutoConfiguration;
import dev.bootdaemon.daemon.DaemonRuntime;
import dev.bootdaemon.pidfile.PidFileProbe;
import dev.bootdaemon.servicemanager.ServiceHealth;
import dev.bootdaemon.settings.DaemonProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DaemonRunListener} in a real {@link SpringApplication}, which finds it
 * in {@code META-INF/spring.factories} as any application does. Only the paths that keep
 * this JVM running are tested here: off, and in the foreground; detaching and the
 * control commands end the process and are tested on the real daemon in the sample app.
 */
class DaemonRunListenerTests {

	@TempDir
	Path directory;

	@Test
	void whenDaemonModeIsOffThenTheApplicationRunsUntouched() {
		try (ConfigurableApplicationContext context = application(Plain.class).run("--daemon.pid-file="
				+ this.directory.resolve("app.pid"))) {
			assertThat(context.containsBean("daemonRuntime")).isFalse();
		}
		assertThat(this.directory).isEmptyDirectory();
	}

	@Test
	void whenInTheForegroundThenThisProcessBecomesTheDaemonHoldingItsPidFile() {
		Path pidFile = this.directory.resolve("app.pid");
		long pid = ProcessHandle.current().pid();
		try (ConfigurableApplicationContext context = application(Plain.class).run("--daemon.enabled=true",
				"--daemon.detach=never", "--daemon.pid-file=" + pidFile)) {
			DaemonRuntime runtime = context.getBean(DaemonRuntime.class);
			assertThat(runtime.mode()).isEqualTo(DaemonRuntime.Mode.FOREGROUND);
			assertThat(runtime.pid()).isEqualTo(pid);
			assertThat(runtime.pidFile()).isEqualTo(pidFile);
			assertThat(runtime.output()).isEqualTo("console");
			assertThat(pidFile).hasContent(pid + "\n");
			assertThat(PidFileProbe.lockHolder(pidFile)).hasValue(pid);
		}
	}

	@Test
	void whenAContextHierarchyRunsThenTheParentIsTheDaemonAndTheChildLeavesDaemonModeAlone() {
		Path pidFile = this.directory.resolve("app.pid");
		try (ConfigurableApplicationContext child = new SpringApplicationBuilder(Plain.class)
			.web(WebApplicationType.NONE)
			.child(Plain.class)
			.web(WebApplicationType.NONE)
			.run("--daemon.enabled=true", "--daemon.detach=never", "--daemon.pid-file=" + pidFile)) {
			ConfigurableApplicationContext parent = (ConfigurableApplicationContext) child.getParent();
			assertThat(parent.getBeanFactory().containsLocalBean("daemonRuntime")).isTrue();
			assertThat(child.getBeanFactory().containsLocalBean("daemonRuntime")).isFalse();
			assertThat(PidFileProbe.lockHolder(pidFile)).hasValue(ProcessHandle.current().pid());
			parent.close();
		}
		// Once its context has closed, another application in this JVM may become the daemon.
		Path next = this.directory.resolve("next.pid");
		try (ConfigurableApplicationContext context = application(Plain.class).run("--daemon.enabled=true",
				"--daemon.detach=never", "--daemon.pid-file=" + next)) {
			assertThat(context.getBeanFactory().containsLocalBean("daemonRuntime")).isTrue();
			assertThat(PidFileProbe.lockHolder(next)).hasValue(ProcessHandle.current().pid());
		}
	}

	@Test
	void whenRestartStartsTheDaemonWithoutTheFlagThenItsAutoConfigurationStillApplies() {
		Path pidFile = this.directory.resolve("app.pid");
		try (ConfigurableApplicationContext context = application(AutoConfigured.class).run(
				"--daemon.command=restart", "--daemon.detach=never", "--daemon.pid-file=" + pidFile)) {
			assertThat(context.getBeansOfType(DaemonProperties.class)).hasSize(1);
			assertThat(context.getBeansOfType(ServiceHealth.class)).hasSize(1);
			assertThat(PidFileProbe.lockHolder(pidFile)).hasValue(ProcessHandle.current().pid());
		}
	}

	@Test
	void whenTheApplicationFailsToStartThenThePidFileIsReleased() {
		Path pidFile = this.directory.resolve("app.pid");
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> application(Failing.class)
			.run("--daemon.enabled=true", "--daemon.detach=never", "--daemon.pid-file=" + pidFile));
		assertThat(pidFile).doesNotExist();
		assertThat(PidFileProbe.lockHolder(pidFile)).isEmpty();
		assertThat(Files.exists(this.directory)).isTrue();
	}

	private static SpringApplication application(Class<?> configuration) {
		SpringApplication application = new SpringApplication(configuration);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application;
	}

	@Configuration(proxyBeanMethods = false)
	static class Plain {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DaemonAutoConfiguration.class)
	static class AutoConfigured {

	}

	@Configuration(proxyBeanMethods = false)
	static class Failing {

		@Bean
		String broken() {
			throw new IllegalStateException("cannot start");
		}

	}

}
