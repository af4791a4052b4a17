package dev.bootdaemon.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Says in the daemon's output what becomes of its AOT cache in this run, as its own
 * command line tells: trained (written when the daemon stops), or used.
 */
final class AotTraining {

	private AotTraining() {
	}

	static Optional<String> describe(@Nullable Path cache, List<String> commandLine) {
		if (cache == null) {
			return Optional.empty();
		}
		for (String arg : commandLine) {
			if (arg.startsWith("-XX:AOTCacheOutput=")) {
				return Optional.of("Training the AOT cache " + cache + " during this run (there was none, or it "
						+ "was made for other code or another JDK); it is written when the daemon stops");
			}
			if (arg.startsWith("-XX:AOTCache=")) {
				return Optional.of("Started with the AOT cache " + cache);
			}
		}
		return Optional.empty();
	}

}
