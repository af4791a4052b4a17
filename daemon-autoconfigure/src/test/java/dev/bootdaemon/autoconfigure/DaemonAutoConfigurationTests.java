package dev.bootdaemon.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.bootdaemon.daemon.DaemonRuntime;
import dev.bootdaemon.servicemanager.ServiceHealth;
import dev.bootdaemon.settings.DaemonProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DaemonAutoConfiguration}.
 */
class DaemonAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DaemonAutoConfiguration.class));

	// As the run listener leaves a context in daemon mode.
	private final ApplicationContextRunner daemon = this.contextRunner.withBean(DaemonRuntime.BEAN_NAME,
			DaemonRuntime.class, DaemonAutoConfigurationTests::runtime);

	@Test
	void whenNoDaemonRunsThenNothingIsConfigured() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(DaemonProperties.class));
	}

	@Test
	void whenTheFlagIsSetButThisProcessIsNoDaemonThenNothingIsConfigured() {
		// The run listener decides; a test's context, say, is never a daemon.
		this.contextRunner.withPropertyValues("daemon.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(DaemonProperties.class)
				.doesNotHaveBean(DaemonInfoContributor.class)
				.doesNotHaveBean(ServiceHealth.class));
	}

	@Test
	void whenADaemonRunsWithoutTheFlagThenItIsConfiguredAll() {
		// Started by daemon.command=restart, the daemon may lack the flag.
		this.daemon.run((context) -> assertThat(context).hasSingleBean(DaemonProperties.class)
			.hasSingleBean(DaemonInfoContributor.class)
			.hasSingleBean(ServiceHealth.class));
	}

	@Test
	void whenDaemonIsEnabledThenDefaultsAreBound() {
		this.daemon.withPropertyValues("daemon.enabled=true").run((context) -> {
			DaemonProperties properties = context.getBean(DaemonProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getWorkingDirectory()).isEqualTo("/");
			assertThat(properties.getUmask()).isEqualTo("022");
			assertThat(properties.getOutput()).as("file when detaching, console otherwise").isNull();
			assertThat(properties.getReadyOn()).isEqualTo(DaemonProperties.ReadyOn.READY);
			assertThat(properties.getOutputFile()).isNull();
			assertThat(properties.getPidFile()).isNull();
			assertThat(properties.getStartupTimeout()).isEqualTo(Duration.ofSeconds(60));
		});
	}

	@Test
	void whenPropertiesAreSetThenTheyAreBoundWithRelaxedNames() {
		this.daemon
			.withPropertyValues("daemon.enabled=true", "daemon.working-directory=/srv", "daemon.umask=0027",
					"daemon.output=none", "daemon.output-file=logs/app.out", "daemon.pid-file=/run/app.pid",
					"daemon.startup-timeout=2m")
			.run((context) -> {
				DaemonProperties properties = context.getBean(DaemonProperties.class);
				assertThat(properties.getWorkingDirectory()).isEqualTo("/srv");
				assertThat(properties.getUmask()).isEqualTo("0027");
				assertThat(properties.getOutput()).isEqualTo(DaemonProperties.Output.NONE);
				assertThat(properties.getOutputFile()).isEqualTo("logs/app.out");
				assertThat(properties.getPidFile()).isEqualTo("/run/app.pid");
				assertThat(properties.getStartupTimeout()).isEqualTo(Duration.ofMinutes(2));
			});
	}

	@Test
	void whenADaemonRunsThenActuatorInfoShowsIt() {
		this.daemon.run((context) -> {
				Info.Builder builder = new Info.Builder();
				context.getBean(DaemonInfoContributor.class).contribute(builder);
				assertThat(builder.build().getDetails()).containsEntry("daemon", Map.of("mode", "detached", "pid",
						42L, "pidFile", "/run/app.pid", "output", "/var/log/app.out", "user", "app"));
			});
	}

	private static DaemonRuntime runtime() {
		return new DaemonRuntime(DaemonRuntime.Mode.DETACHED, 42, Path.of("/run/app.pid"), "/var/log/app.out",
				OptionalLong::empty, "app", false);
	}

	@Test
	void whenThereIsNoHealthEndpointThenTheServiceCountsAsHealthy() {
		this.daemon.run((context) -> assertThat(context.getBean(ServiceHealth.class).isHealthy()).isTrue());
	}

	@Test
	void whenTheUserDefinesServiceHealthThenTheirsIsUsed() {
		this.daemon.withBean(ServiceHealth.class, () -> () -> false)
			.run((context) -> assertThat(context.getBean(ServiceHealth.class).isHealthy()).isFalse());
	}

	@Test
	void whenOutputHasAnUnknownValueThenTheContextFails() {
		this.daemon.withPropertyValues("daemon.enabled=true", "daemon.output=printer")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("printer"));
	}

}
