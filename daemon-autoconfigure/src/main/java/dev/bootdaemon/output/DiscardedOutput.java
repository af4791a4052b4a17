package dev.bootdaemon.output;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;

/**
 * Output discarded to {@code /dev/null}.
 */
final class DiscardedOutput implements OutputTarget {

	static final DiscardedOutput INSTANCE = new DiscardedOutput();

	private static final Path DEV_NULL = Path.of("/dev/null");

	private DiscardedOutput() {
	}

	@Override
	public @Nullable Path file() {
		return null;
	}

	@Override
	public StandardStreams prepare(Path privateDirectory, Posix posix) {
		return new StandardStreams(DEV_NULL, DEV_NULL, false);
	}

	@Override
	public AttachedOutput attach(Path privateDirectory, Posix posix) {
		return this::description;
	}

	@Override
	public String value() {
		return "none";
	}

	@Override
	public String description() {
		return "output discarded";
	}

}
