package dev.bootdaemon.output;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.PosixException;
import dev.bootdaemon.posix.ProcFiles;
import dev.bootdaemon.posix.TrustedFiles;
import dev.bootdaemon.posix.TrustedFiles.OpenFile;

/**
 * Output appended to a file, created with mode 0640 if missing. Root opens it only as
 * {@link TrustedFiles} allows: never through a symbolic link, never a file with other
 * names or another user's.
 */
final class FileOutput implements OutputTarget {

	private static final Set<PosixFilePermission> MODE_0640 = PosixFilePermissions.fromString("rw-r-----");

	private static final int TAIL_BYTES = 64 * 1024;

	private final Path file;

	private final @Nullable String user;

	FileOutput(Path file, @Nullable String user) {
		this.file = file;
		this.user = user;
	}

	@Override
	public Path file() {
		return this.file;
	}

	// The launcher opens the file without following a symbolic link, checks it, and
	// has the daemon open that very file through its /proc/PID/fd name.
	@Override
	public StandardStreams prepare(Path privateDirectory, Posix posix) throws IOException {
		OpenFile open = TrustedFiles.openForAppend(this.file, MODE_0640, this.user);
		return new StandardStreams(open.procPath(), open.procPath(), false, open);
	}

	@Override
	public void redirectThisProcess(Path privateDirectory, Posix posix) throws IOException {
		redirect(posix);
	}

	@Override
	public AttachedOutput attach(Path privateDirectory, Posix posix) {
		return new AttachedOutput() {

			@Override
			public boolean reopen() {
				try {
					redirect(posix);
					return true;
				}
				catch (IOException | PosixException ex) {
					throw new IllegalStateException(ex.getMessage() + "; still writing to the file it had open"
							+ reopenAdvice(), ex);
				}
			}

			@Override
			public String description() {
				return FileOutput.this.description();
			}

		};
	}

	// Once root is dropped, a new file can only be made where the user may write.
	private String reopenAdvice() {
		if (ProcFiles.effectiveUserId() == 0) {
			return "";
		}
		String user = (this.user != null) ? this.user : "uid " + ProcFiles.effectiveUserId();
		return " (the daemon runs as " + user + ": give it write access to " + this.file.getParent()
				+ ", or have logrotate make the new file for it: the create line that --daemon.command=logrotate "
				+ "writes)";
	}

	private void redirect(Posix posix) throws IOException {
		int fd = TrustedFiles.openForAppend(posix, this.file, StandardStreams.FILE_MODE, this.user);
		try {
			posix.redirectStandardStreams(fd);
		}
		finally {
			posix.close(fd);
		}
	}

	@Override
	public String value() {
		return this.file.toString();
	}

	@Override
	public String description() {
		return "output " + this.file;
	}

	@Override
	public long mark() {
		try {
			return Files.size(this.file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	@Override
	public List<String> linesSince(long mark, int max) {
		try (RandomAccessFile in = new RandomAccessFile(this.file.toFile(), "r")) {
			long start = Math.max(mark, in.length() - TAIL_BYTES);
			byte[] bytes = new byte[(int) Math.max(0, in.length() - start)];
			in.seek(start);
			in.readFully(bytes);
			if (bytes.length == 0) {
				return List.of();
			}
			List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
			return lines.subList(Math.max(0, lines.size() - max), lines.size());
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
