package dev.bootdaemon.posix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bootdaemon.posix.TrustedFiles.OpenFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TrustedFiles}: each trick a service account could play on a file
 * root writes in its directory, tried on real files as root (the test suite runs as
 * root, as CI does), the target checked unchanged.
 */
class TrustedFilesTests {

	@TempDir
	Path directory;

	private Path victim;

	@BeforeEach
	void rootOnlyFile() throws IOException {
		assertThat(ProcFiles.effectiveUserId()).as("tests run as root").isZero();
		this.victim = Files.writeString(this.directory.resolve("shadow"), "root only\n");
		Files.setPosixFilePermissions(this.victim, PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void whenOpenedForAppendThenANewFileHasTheExactModeAndTheProcNameReachesIt() throws IOException {
		Path file = this.directory.resolve("app.out");
		try (OpenFile open = TrustedFiles.openForAppend(file,
				PosixFilePermissions.fromString("rw-r-----"), null)) {
			assertThat(open.procPath()).startsWithRaw(Path.of("/proc", Long.toString(ProcessHandle.current().pid())));
			assertThat(Files.isSameFile(open.procPath(), file)).isTrue();
			open.channel().write(ByteBuffer.wrap("line\n".getBytes(StandardCharsets.UTF_8)));
		}
		assertThat(file).hasContent("line");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
	}

	@Test
	void whenTheFileIsASymbolicLinkThenItIsNeverFollowedAndTheTargetIsUnchanged() throws IOException {
		Path link = Files.createSymbolicLink(this.directory.resolve("app.out"), this.victim);
		assertThatExceptionOfType(FileSystemException.class)
			.isThrownBy(() -> TrustedFiles.openForAppend(link, PosixFilePermissions.fromString("rw-r-----"), null))
			.withMessage(link + ": is a symbolic link; refusing to follow it");
		assertThat(TrustedFiles.problem(link, null)).isEqualTo("is a symbolic link; refusing to follow it");
		TrustedFiles.replace(link, "x".getBytes(StandardCharsets.UTF_8), "rw-r--r--", null);
		assertThat(link).isRegularFile().hasContent("x");
		assertVictimUnchanged();
	}

	@Test
	void whenTheFileIsAHardLinkThenItIsRefusedAndTheTargetIsUnchanged() throws IOException {
		Path link = Files.createLink(this.directory.resolve("app.out"), this.victim);
		assertThatExceptionOfType(FileSystemException.class)
			.isThrownBy(() -> TrustedFiles.openForAppend(link, PosixFilePermissions.fromString("rw-r-----"), null))
			.withMessageContaining("has 2 names (hard links)");
		assertThat(TrustedFiles.problem(link, null)).startsWith("has 2 names");
		assertVictimUnchanged();
	}

	@Test
	void whenRootOpensAnotherUsersFileThenItIsRefusedUnlessThatUserIsTheDaemons() throws IOException {
		Path file = Files.writeString(this.directory.resolve("app.out"), "");
		Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
		assertThat(TrustedFiles.problem(file, null))
			.isEqualTo("belongs to nobody, not to root; root does not write to another user's file (chown it, "
					+ "or remove it)");
		assertThat(TrustedFiles.problem(file, "daemon")).contains("not to root or daemon");
		assertThatExceptionOfType(FileSystemException.class)
			.isThrownBy(() -> TrustedFiles.openForAppend(file, PosixFilePermissions.fromString("rw-r-----"), null));
		assertThat(TrustedFiles.problem(file, "nobody")).isNull();
		TrustedFiles.openForAppend(file, PosixFilePermissions.fromString("rw-r-----"), "nobody").close();
	}

	@Test
	void whenCreatedThenAnExistingNameIsNeverReused() throws IOException {
		Path file = this.directory.resolve("stamp");
		TrustedFiles.create(file, "one".getBytes(StandardCharsets.UTF_8), "rw-r--r--");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
		assertThatExceptionOfType(FileSystemException.class)
			.isThrownBy(() -> TrustedFiles.create(file, "two".getBytes(StandardCharsets.UTF_8), "rw-r--r--"));
		TrustedFiles.replace(file, "three".getBytes(StandardCharsets.UTF_8), "rw-r--r--", "nobody");
		assertThat(Files.getOwner(file).getName()).isEqualTo("nobody");
		assertThat(file).hasContent("three");
	}

	private void assertVictimUnchanged() throws IOException {
		assertThat(this.victim).hasContent("root only");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.victim))).isEqualTo("rw-------");
		assertThat(Files.getOwner(this.victim).getName()).isEqualTo("root");
	}

}
