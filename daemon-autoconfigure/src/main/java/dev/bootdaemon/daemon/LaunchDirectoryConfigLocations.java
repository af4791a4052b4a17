package dev.bootdaemon.daemon;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.bootdaemon.startup.Handoff;

/**
 * Lets the daemon find {@code application.properties} and {@code config/} in the
 * directory it was launched from, as the launcher did, although its working directory
 * is elsewhere. Adds those locations ahead of any additional locations the user set, so
 * that the user's still win. Does nothing outside a daemon.
 */
class LaunchDirectoryConfigLocations implements EnvironmentPostProcessor, Ordered {

	private static final String ADDITIONAL_LOCATION = "spring.config.additional-location";

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String launchDirectory = System.getProperty(Handoff.LAUNCH_DIRECTORY_PROPERTY);
		if (launchDirectory == null || Path.of(launchDirectory).equals(Path.of("").toAbsolutePath())) {
			return;
		}
		String directory = launchDirectory.endsWith("/") ? launchDirectory : launchDirectory + "/";
		String locations = "optional:file:" + directory + ";optional:file:" + directory + "config/;optional:file:"
				+ directory + "config/*/";
		String userLocations = environment.getProperty(ADDITIONAL_LOCATION);
		if (userLocations != null && !userLocations.isBlank()) {
			locations += "," + userLocations;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("daemonLaunchDirectory", Map.of(ADDITIONAL_LOCATION, locations)));
	}

}
