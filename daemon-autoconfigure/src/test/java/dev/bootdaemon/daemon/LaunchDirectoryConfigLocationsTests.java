package dev.bootdaemon.daemon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import dev.bootdaemon.startup.Handoff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LaunchDirectoryConfigLocations}.
 */
class LaunchDirectoryConfigLocationsTests {

	private final MockEnvironment environment = new MockEnvironment();

	private final LaunchDirectoryConfigLocations postProcessor = new LaunchDirectoryConfigLocations();

	@AfterEach
	void clear() {
		System.clearProperty(Handoff.LAUNCH_DIRECTORY_PROPERTY);
	}

	@Test
	void whenNotADaemonThenNothingIsAdded() {
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("spring.config.additional-location")).isNull();
	}

	@Test
	void whenADaemonThenTheLaunchDirectoryIsSearchedLikeTheWorkingDirectory() {
		System.setProperty(Handoff.LAUNCH_DIRECTORY_PROPERTY, "/home/user/app");
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("spring.config.additional-location")).isEqualTo(
				"optional:file:/home/user/app/;optional:file:/home/user/app/config/;optional:file:/home/user/app/config/*/");
	}

	@Test
	void whenTheUserAddedLocationsThenTheyComeLastSoTheyWin() {
		System.setProperty(Handoff.LAUNCH_DIRECTORY_PROPERTY, "/home/user/app");
		this.environment.setProperty("spring.config.additional-location", "file:/etc/app/");
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("spring.config.additional-location"))
			.endsWith("config/*/,file:/etc/app/");
	}

	@Test
	void whenRunBeforeConfigDataIsLoadedThenItsOrderIsLower() {
		assertThat(this.postProcessor.getOrder()).isLessThan(
				org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor.ORDER);
	}

}
