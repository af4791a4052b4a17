package dev.bootdaemon.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bootdaemon.daemon.DaemonRuntime;
import dev.bootdaemon.servicemanager.ServiceHealth;
import dev.bootdaemon.settings.DaemonProperties;

/**
 * Auto-configuration of daemon mode. The detaching itself happens earlier, in a run
 * listener, which also registers the {@link DaemonRuntime}; this exposes the settings,
 * shows the daemon in Actuator's {@code info} endpoint and lets Actuator's health decide
 * whether systemd's watchdog is fed. It applies where this process runs as the daemon
 * (the runtime is there), which the run listener decided from {@code daemon.enabled} or
 * {@code daemon.command}: the flag is not read again here.
 *
 * @see DaemonProperties
 */
@AutoConfiguration
@ConditionalOnBean(name = DaemonRuntime.BEAN_NAME)
@EnableConfigurationProperties(DaemonProperties.class)
public final class DaemonAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(InfoContributor.class)
	static class DaemonInfoConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DaemonInfoContributor daemonInfoContributor(DaemonRuntime runtime) {
			return new DaemonInfoContributor(runtime);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ConfigurableWebServerFactory.class)
	static class DaemonWebServerConfiguration {

		@Bean
		WebServerFactoryCustomizer<ConfigurableWebServerFactory> daemonSocketActivationCustomizer(
				DaemonRuntime runtime) {
			return new SocketActivationCustomizer(runtime);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpoint.class)
	static class DaemonHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServiceHealth actuatorServiceHealth(ObjectProvider<HealthEndpoint> healthEndpoint) {
			// Looked up on each check: the endpoint may be defined after us, or not at all.
			return () -> {
				HealthEndpoint endpoint = healthEndpoint.getIfAvailable();
				return endpoint == null || Status.UP.equals(endpoint.health().getStatus());
			};
		}

	}

}
