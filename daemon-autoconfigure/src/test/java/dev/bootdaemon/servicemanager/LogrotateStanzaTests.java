package dev.bootdaemon.servicemanager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import dev.bootdaemon.posix.PosixProvider;
import dev.bootdaemon.settings.DaemonSettings;
import dev.bootdaemon.settings.InvalidDaemonPropertyException;
import dev.bootdaemon.settings.LaunchContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LogrotateStanza}; {@code ProductionIT} has the real logrotate rotate
 * a running daemon's output with it, as root with {@code daemon.user}.
 */
class LogrotateStanzaTests {

	private final MockEnvironment environment = new MockEnvironment();

	@TempDir
	Path directory;

	@Test
	void whenWrittenThenOnlyALiveDaemonHoldingThePidFileIsSignalled() {
		this.environment.setProperty("daemon.pid-file", "/run/shop/it's.pid");
		String stanza = stanza();
		assertThat(stanza).contains(this.directory.resolve("shop.out") + " {\n",
				"\tpostrotate\n\t\tpkill --signal HUP --pidfile '/run/shop/it'\\''s.pid' --logpidfile 2>/dev/null "
						+ "|| true\n\tendscript\n")
			.doesNotContain("kill -HUP", "\tsu ", "\tcreate");
	}

	@Test
	void whenTheDaemonDropsRootThenTheNewFileIsMadeForItsUserAndGroup() {
		this.environment.setProperty("daemon.user", "daemon");
		assertThat(stanza()).contains("\tcreate 0640 daemon 1\n");
		this.environment.setProperty("daemon.group", "adm");
		assertThat(stanza()).contains("\tcreate 0640 daemon adm\n");
	}

	@Test
	void whenAnotherUserOrGroupCanWriteTheDirectoryThenLogrotateWorksThereAsItsOwner() throws IOException {
		Files.setOwner(this.directory,
				this.directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("daemon"));
		assertThat(stanza()).contains("\tsu daemon root\n");
		Files.setOwner(this.directory,
				this.directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root"));
		Files.setAttribute(this.directory, "unix:gid", 4);
		Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwxrwxr-x"));
		assertThat(stanza()).contains("\tsu root adm\n");
	}

	@Test
	void whenAPathHasAQuoteOrALineBreakThenItIsRefusedNamingTheProperty() {
		this.environment.setProperty("daemon.output-file", "/var/log/\"shop\".out");
		assertThatExceptionOfType(InvalidDaemonPropertyException.class).isThrownBy(this::stanza)
			.withMessageStartingWith("Invalid value '/var/log/\"shop\".out' for property 'daemon.output-file'");
		this.environment.setProperty("daemon.output-file", "/var/log/my shop.out");
		this.environment.setProperty("daemon.pid-file", "/run/shop\n}.pid");
		assertThatExceptionOfType(InvalidDaemonPropertyException.class).isThrownBy(this::stanza)
			.withMessageContaining("'daemon.pid-file'");
		this.environment.setProperty("daemon.pid-file", "/run/shop.pid");
		assertThat(stanza()).contains("\n\"/var/log/my shop.out\" {\n");
	}

	private String stanza() {
		DaemonSettings settings = DaemonSettings.of(this.environment, this.directory,
				new LaunchContext(List.of("java", "-jar", "shop.jar"), "shop", null, false));
		return LogrotateStanza.of(settings, PosixProvider.posix());
	}

}
