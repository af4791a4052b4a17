package dev.bootdaemon.output;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;

/**
 * Output left where the process's own descriptors 1 and 2 point: for a daemon that does
 * not detach, whose output belongs to its service manager (journald, supervisord's log,
 * {@code docker logs}).
 */
final class ConsoleOutput implements OutputTarget {

	static final ConsoleOutput INSTANCE = new ConsoleOutput();

	private ConsoleOutput() {
	}

	@Override
	public @Nullable Path file() {
		return null;
	}

	@Override
	public StandardStreams prepare(Path privateDirectory, Posix posix) {
		throw new UnsupportedOperationException("Console output is for a process that does not detach");
	}

	@Override
	public void redirectThisProcess(Path privateDirectory, Posix posix) {
	}

	@Override
	public AttachedOutput attach(Path privateDirectory, Posix posix) {
		return this::description;
	}

	@Override
	public String value() {
		return "console";
	}

	@Override
	public String description() {
		return "output to the console";
	}

}
