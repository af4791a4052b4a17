package dev.bootdaemon.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for each {@link OutputTarget}, on the launcher's side: what it checks, creates
 * and reads back. Attaching redirects this JVM's own descriptors, which the test
 * runner's channel uses, so that side is tested on the real daemon in the sample app.
 */
class OutputTargetTests {

	private final Posix posix = PosixProvider.posix();

	@TempDir
	Path directory;

	@Test
	void whenAFileThenItIsCreatedWithMode0640AndItsNewLinesCanBeRead() throws IOException {
		Path file = this.directory.resolve("app.out");
		OutputTarget output = OutputTarget.file(file, null);
		try (StandardStreams streams = output.prepare(this.directory, this.posix)) {
			assertThat(streams.stdout()).isEqualTo(streams.stderr());
			assertThat(Files.isSameFile(streams.stdout(), file)).isTrue();
			assertThat(streams.pipes()).isFalse();
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
		Files.writeString(file, "before\n");
		long mark = output.mark();
		Files.writeString(file, "one\ntwo\nthree\n", StandardOpenOption.APPEND);
		assertThat(output.linesSince(mark, 2)).containsExactly("two", "three");
		assertThat(output.file()).isEqualTo(file);
		assertThat(output.value()).isEqualTo(file.toString());
		assertThat(output.description()).isEqualTo("output " + file);
		assertThat(output.unreachable(this.posix)).isEmpty();
	}

	@Test
	void whenDiscardedThenBothStreamsGoToDevNull() throws IOException {
		OutputTarget output = OutputTarget.discarded();
		assertThat(output.prepare(this.directory, this.posix))
			.isEqualTo(new StandardStreams(Path.of("/dev/null"), Path.of("/dev/null"), false));
		assertThat(output.file()).isNull();
		assertThat(output.value()).isEqualTo("none");
		assertThat(output.linesSince(0, 10)).isEmpty();
	}

	@Test
	void whenConsoleThenNothingIsPreparedOrRedirected() throws IOException {
		OutputTarget output = OutputTarget.console();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> output.prepare(this.directory, this.posix));
		output.redirectThisProcess(this.directory, this.posix);
		assertThat(output.attach(this.directory, this.posix).reopen()).isFalse();
		assertThat(output.value()).isEqualTo("console");
		assertThat(this.directory).isEmptyDirectory();
	}

	@Test
	void whenASyslogTagIsLongerThanRfc3164AllowsThenItIsCut() {
		OutputTarget output = OutputTarget.syslog("/dev/log", null, "daemon", "messaging-stomp-websocket-complete",
				100);
		assertThat(((SyslogOutput) output).tag()).isEqualTo("messaging-stomp-websocket-comple").hasSize(32);
	}

	@Test
	void whenSyslogThenTwoPrivateNamedPipesAreMadeAndAnAbsentSocketIsUnreachable() throws IOException {
		Path socket = this.directory.resolve("absent.sock");
		OutputTarget output = OutputTarget.syslog("unix://" + socket, null, "daemon", "app", 100);
		StandardStreams streams = output.prepare(this.directory, this.posix);
		assertThat(streams.pipes()).isTrue();
		assertThat(Files.getAttribute(streams.stdout(), "unix:mode")).isEqualTo(0010600);
		assertThat(Files.getAttribute(streams.stderr(), "unix:mode")).isEqualTo(0010600);
		assertThat(output.unreachable(this.posix)).hasValueSatisfying((reason) -> assertThat(reason).isNotBlank());
		assertThat(output.value()).isEqualTo(socket.toString());
		assertThat(output.file()).isNull();
	}

}
