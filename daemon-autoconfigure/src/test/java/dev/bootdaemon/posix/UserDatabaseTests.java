package dev.bootdaemon.posix;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.bootdaemon.posix.Posix.Account;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the user and group lookups of {@link Posix}, against the real libc and
 * what {@code getent} reads from the same databases.
 */
class UserDatabaseTests {

	private final Posix posix = PosixProvider.posix();

	@Test
	void whenAUserExistsThenItsIdsAreThoseGetentShows() throws Exception {
		for (String name : new String[] { "root", "daemon", "nobody" }) {
			String[] entry = getent("passwd", name).split(":");
			assertThat(this.posix.user(name)).as(name)
				.isEqualTo(new Account(Integer.parseInt(entry[2]), Integer.parseInt(entry[3])));
		}
	}

	@Test
	void whenAGroupExistsThenItsIdIsTheOneGetentShows() throws Exception {
		for (String name : new String[] { "root", "adm", "nogroup" }) {
			assertThat(this.posix.group(name)).as(name).isEqualTo(Integer.parseInt(getent("group", name).split(":")[2]));
		}
	}

	@Test
	void whenThereIsNoSuchUserOrGroupThenThereIsNone() {
		assertThat(this.posix.user("no-such-user-here")).isNull();
		assertThat(this.posix.group("no-such-group-here")).isNull();
	}

	private static String getent(String database, String name) throws Exception {
		Process getent = new ProcessBuilder("getent", database, name).start();
		String entry = new String(getent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(getent.waitFor()).as("getent %s %s", database, name).isZero();
		return entry;
	}

}
