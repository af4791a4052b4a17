package dev.bootdaemon.pidfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PidFile}, against the real libc.
 */
class PidFileTests {

	private static final long DEAD_PID = 4_194_304 + 1;

	private final Posix posix = PosixProvider.posix();

	private final long pid = ProcessHandle.current().pid();

	private final List<Long> staleWarnings = new ArrayList<>();

	private final List<PidFile> acquired = new ArrayList<>();

	@TempDir
	Path directory;

	@AfterEach
	void release() {
		this.acquired.forEach(PidFile::release);
	}

	@Test
	void whenAcquiredThenThePidIsWrittenWithMode0644AndNoTempFileRemains() throws IOException {
		Path path = this.directory.resolve("app.pid");
		acquire(path);
		assertThat(path).hasContent(this.pid + "\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-r--r--");
		try (var files = Files.list(this.directory)) {
			assertThat(files).containsExactly(path);
		}
	}

	@Test
	void whenHeldThenASecondAcquireIsRefusedNamingTheHolder() throws IOException {
		Path path = this.directory.resolve("app.pid");
		acquire(path);
		assertThatExceptionOfType(AlreadyRunningException.class).isThrownBy(() -> acquire(path))
			.withMessage("already running as pid " + this.pid + " (pidfile " + path + " is locked)")
			.satisfies((ex) -> assertThat(ex.getPid()).isEqualTo(this.pid));
		assertThat(path).hasContent(this.pid + "\n");
	}

	@Test
	void whenHeldThenLockHolderNamesThePid() {
		Path path = this.directory.resolve("app.pid");
		assertThat(PidFileProbe.lockHolder(path)).isEmpty();
		acquire(path);
		assertThat(PidFileProbe.lockHolder(path)).hasValue(this.pid);
	}

	@Test
	void whenHeldThenReadingTheFileElsewhereKeepsTheLock() throws IOException {
		// An fcntl lock would be dropped by this close; flock is not.
		Path path = this.directory.resolve("app.pid");
		acquire(path);
		Files.readString(path);
		Files.writeString(path, this.pid + "\n");
		assertThat(PidFileProbe.lockHolder(path)).hasValue(this.pid);
	}

	@Test
	void whenStaleThenItIsTakenOverWithAWarning() throws IOException {
		Path path = this.directory.resolve("app.pid");
		Files.writeString(path, DEAD_PID + "\n");
		acquire(path);
		assertThat(this.staleWarnings).containsExactly(DEAD_PID);
		assertThat(path).hasContent(this.pid + "\n");
	}

	@Test
	void whenReleasedThenThePidFileIsRemovedAndFreeAgain() {
		Path path = this.directory.resolve("app.pid");
		PidFile pidFile = acquire(path);
		pidFile.release();
		pidFile.release();
		assertThat(path).doesNotExist();
		acquire(path);
		assertThat(path).exists();
	}

	@Test
	void whenLeftToTheSupervisorThatIsItsParentThenReleaseKeepsTheFileButFreesItsLock() {
		Path path = this.directory.resolve("app.pid");
		PidFile pidFile = acquire(path);
		pidFile.leaveTo(ProcessHandle.current().parent().orElseThrow().pid());
		pidFile.release();
		assertThat(path).hasContent(this.pid + "\n");
		assertThat(PidFileProbe.lockHolder(path)).isEmpty();
	}

	@Test
	void whenLeftToASupervisorThatIsNoLongerItsParentThenReleaseRemovesTheFile() {
		Path path = this.directory.resolve("app.pid");
		PidFile pidFile = acquire(path);
		pidFile.leaveTo(DEAD_PID);
		pidFile.release();
		assertThat(path).doesNotExist();
	}

	@Test
	void whenTheFileNoLongerHoldsOurPidThenReleaseLeavesIt() throws IOException {
		Path path = this.directory.resolve("app.pid");
		PidFile pidFile = acquire(path);
		Files.writeString(path, "1\n");
		pidFile.release();
		assertThat(path).hasContent("1\n");
	}

	@Test
	void whenThePathIsASymbolicLinkThenItIsRefusedAndTheTargetUntouched() throws IOException {
		Path target = Files.writeString(this.directory.resolve("precious.txt"), "keep me\n");
		Path path = Files.createSymbolicLink(this.directory.resolve("app.pid"), target);
		assertThatExceptionOfType(PidFileException.class).isThrownBy(() -> acquire(path))
			.withMessage(path + " is a symbolic link; refusing to follow it");
		assertThat(target).hasContent("keep me\n");
		assertThat(Files.isSymbolicLink(path)).isTrue();
	}

	@Test
	void whenThePathIsADirectoryThenItIsRefused() throws IOException {
		Path path = Files.createDirectory(this.directory.resolve("app.pid"));
		assertThatExceptionOfType(PidFileException.class).isThrownBy(() -> acquire(path))
			.withMessage(path + " is not a regular file");
	}

	@Test
	void whenLeftByADeadProcessThenDeleteIfLeftByRemovesIt() throws IOException {
		Path path = Files.writeString(this.directory.resolve("app.pid"), DEAD_PID + "\n");
		PidFileProbe.deleteIfLeftBy(path, 42);
		assertThat(path).exists();
		PidFileProbe.deleteIfLeftBy(path, DEAD_PID);
		assertThat(path).doesNotExist();
	}

	@Test
	void whenHeldThenDeleteIfLeftByKeepsIt() {
		Path path = this.directory.resolve("app.pid");
		acquire(path);
		PidFileProbe.deleteIfLeftBy(path, this.pid);
		assertThat(path).exists();
	}

	@Test
	void whenRemovedWhileHeldThenItIsWrittenAgainAndStillLocked() throws IOException {
		Path path = this.directory.resolve("app.pid");
		PidFile pidFile = acquire(path);
		assertThat(pidFile.restoreIfMissing()).isFalse();
		Files.delete(path);
		assertThat(PidFileProbe.lockHolder(path)).isEmpty();
		assertThat(pidFile.restoreIfMissing()).isTrue();
		assertThat(path).hasContent(this.pid + "\n");
		assertThat(PidFileProbe.lockHolder(path)).hasValue(this.pid);
		assertThatExceptionOfType(AlreadyRunningException.class).isThrownBy(() -> acquire(path));
	}

	@Test
	void whenItsDirectoryIsRemovedWhileWatchedThenTheWatchingGoesOnAndRestoresItOnceItCan() throws IOException {
		Path run = Files.createDirectory(this.directory.resolve("run"));
		Path path = run.resolve("app.pid");
		PidFile pidFile = acquire(path);
		List<RuntimeException> failures = new CopyOnWriteArrayList<>();
		AtomicInteger restored = new AtomicInteger();
		pidFile.watch(Duration.ofMillis(20), restored::incrementAndGet, failures::add);
		Files.delete(path);
		Files.delete(run);
		await().atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
		Files.createDirectory(run);
		await().atMost(Duration.ofSeconds(5)).until(() -> restored.get() == 1);
		assertThat(path).hasContent(this.pid + "\n");
		assertThat(failures).as("told once, not at every check").hasSize(1);
		assertThat(PidFileProbe.lockHolder(path)).hasValue(this.pid);
	}

	@Test
	void whenInterruptedWhileARacingWriterHoldsTheLockThenItSaysSoAndNamesNoPid() throws IOException {
		// A writer that has locked the old pidfile (here: this process, through another
		// open file) but whose pid is not in it yet.
		Path path = Files.writeString(this.directory.resolve("app.pid"), DEAD_PID + "\n");
		int racer = this.posix.openReadOnly(path);
		try {
			assertThat(this.posix.tryLockExclusive(racer)).isTrue();
			Thread.currentThread().interrupt();
			assertThatExceptionOfType(PidFileException.class).isThrownBy(() -> acquire(path))
				.withMessage("Interrupted while " + path + " was being locked by another process");
		}
		finally {
			Thread.interrupted();
			this.posix.close(racer);
		}
	}

	@Test
	void whenHeldThenTheLockedDescriptorIsNamedAfterThePidFile() throws IOException {
		Path path = this.directory.resolve("app.pid");
		acquire(path);
		assertThat(openFiles()).contains(path.toString()).noneMatch((name) -> name.contains(".tmp"));
		Files.delete(path);
		assertThat(this.acquired.get(0).restoreIfMissing()).isTrue();
		assertThat(openFiles()).contains(path.toString()).noneMatch((name) -> name.contains(".tmp"));
	}

	private static List<String> openFiles() throws IOException {
		try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
			return fds.map((fd) -> {
				try {
					return Files.readSymbolicLink(fd).toString();
				}
				catch (IOException ex) {
					return "";
				}
			}).toList();
		}
	}

	private PidFile acquire(Path path) {
		PidFile pidFile = PidFile.acquire(this.posix, path, this.pid, this.staleWarnings::add);
		this.acquired.add(pidFile);
		return pidFile;
	}

}
