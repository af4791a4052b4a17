package dev.bootdaemon.output;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.bootdaemon.posix.Posix;

/**
 * Output appended to a file, created with mode 0640 if missing.
 */
final class FileOutput implements OutputTarget {

	static final int MODE = 0640;

	private static final Set<PosixFilePermission> MODE_0640 = PosixFilePermissions.fromString("rw-r-----");

	private static final int TAIL_BYTES = 64 * 1024;

	private final Path file;

	FileOutput(Path file) {
		this.file = file;
	}

	@Override
	public Path file() {
		return this.file;
	}

	@Override
	public StandardStreams prepare(Path privateDirectory, Posix posix) throws IOException {
		try {
			Files.createFile(this.file);
			// Set after creation: the launcher's umask must not narrow the documented mode.
			Files.setPosixFilePermissions(this.file, MODE_0640);
		}
		catch (FileAlreadyExistsException ex) {
			// Appended to as it is.
		}
		return new StandardStreams(this.file, this.file, false);
	}

	@Override
	public AttachedOutput attach(Path privateDirectory, Posix posix) {
		return new AttachedOutput() {

			@Override
			public boolean reopen() {
				posix.redirectStandardStreams(FileOutput.this.file, MODE);
				return true;
			}

			@Override
			public String description() {
				return FileOutput.this.description();
			}

		};
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
