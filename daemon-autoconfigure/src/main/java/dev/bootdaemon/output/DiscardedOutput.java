package dev.bootdaemon.output;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

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
	public void prepare() {
	}

	@Override
	public Path descriptorTarget() {
		return DEV_NULL;
	}

	@Override
	public String description() {
		return "output discarded";
	}

	@Override
	public long mark() {
		return 0;
	}

	@Override
	public List<String> linesSince(long mark, int max) {
		return List.of();
	}

}
