package dev.bootdaemon.settings;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.ProcFiles;
import dev.bootdaemon.posix.PosixProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link UserSwitch#of}, against the real user database. The switch itself is
 * tested as root on the real daemon in the sample app's {@code ServiceManagerIT}.
 */
class UserSwitchTests {

	private static final LaunchContext FROM_A_TERMINAL = new LaunchContext(List.of(), "application", null, false);

	private final Posix posix = PosixProvider.posix();

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void whenNoUserIsSetThenThereIsNoSwitch() {
		assertThat(UserSwitch.of(settings(), this.posix)).isNull();
	}

	@Test
	void whenOnlyAGroupIsSetThenItIsRefused() {
		this.environment.setProperty("daemon.group", "daemon");
		assertThatExceptionOfType(InvalidDaemonPropertyException.class)
			.isThrownBy(() -> UserSwitch.of(settings(), this.posix))
			.withMessage("Invalid value 'daemon' for property 'daemon.group': needs daemon.user to be set too");
	}

	@Test
	void whenTheUserIsUnknownThenItIsRefused() {
		this.environment.setProperty("daemon.user", "no-such-user-here");
		assertThatExceptionOfType(InvalidDaemonPropertyException.class)
			.isThrownBy(() -> UserSwitch.of(settings(), this.posix))
			.withMessage("Invalid value 'no-such-user-here' for property 'daemon.user': no such user");
	}

	@Test
	void whenTheGroupIsUnknownThenItIsRefused() {
		this.environment.setProperty("daemon.user", "root");
		this.environment.setProperty("daemon.group", "no-such-group-here");
		assertThatExceptionOfType(InvalidDaemonPropertyException.class)
			.isThrownBy(() -> UserSwitch.of(settings(), this.posix))
			.withMessage("Invalid value 'no-such-group-here' for property 'daemon.group': no such group");
	}

	@Test
	void whenTheUserExistsThenTheSwitchNamesItsIds() {
		assertThat(ProcFiles.effectiveUserId()).as("tests run as root").isZero();
		this.environment.setProperty("daemon.user", "daemon");
		assertThat(UserSwitch.of(settings(), this.posix)).hasToString("daemon (uid 1, gid 1)");
	}

	@Test
	void whenThisProcessIsTheUserAlreadyThenThereIsNothingToSwitch() {
		this.environment.setProperty("daemon.user", "root");
		assertThat(UserSwitch.of(settings(), this.posix)).isNull();
	}

	private DaemonSettings settings() {
		return DaemonSettings.of(this.environment, Path.of("/tmp"), FROM_A_TERMINAL);
	}

}
