package dev.bootdaemon.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.commandline.CommandLine;

/**
 * A daemon that trains its JDK AOT cache writes it as it exits, from a child JVM it
 * waits for. Killed before that is done, the child would go on unwatched and leave its
 * configuration file for good: so the child is killed with it and both files removed,
 * and {@code stop} says that the cache was not written.
 */
final class AotTrainingRun {

	private static final String OUTPUT_OPTION = "-XX:AOTCacheOutput=";

	private static final Duration KILL_WAIT = Duration.ofSeconds(10);

	private final Path cache;

	private AotTrainingRun(Path cache) {
		this.cache = cache;
	}

	/**
	 * Returns the training run of a daemon, as its command line tells.
	 * @param pid the daemon
	 * @return its training run, or {@code null} if it trains no cache
	 */
	static @Nullable AotTrainingRun of(long pid) {
		try {
			return CommandLine.of(pid)
				.stream()
				.filter((arg) -> arg.startsWith(OUTPUT_OPTION))
				.map((arg) -> new AotTrainingRun(Path.of(CommandLine.text(arg.substring(OUTPUT_OPTION.length())))))
				.findFirst()
				.orElse(null);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Kills what was writing the cache and removes what it left.
	 * @param writers the daemon's descendants, taken before it was killed
	 */
	void abandon(List<ProcessHandle> writers) {
		writers.forEach(ProcessHandle::destroyForcibly);
		writers.forEach((writer) -> ProcessTermination.awaitExit(writer, KILL_WAIT));
		for (Path file : List.of(this.cache, this.cache.resolveSibling(this.cache.getFileName() + ".config"))) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// Trained again at the next start all the same: its stamp needs the cache.
			}
		}
	}

	/**
	 * Returns what {@code stop} adds to its line once the training was abandoned.
	 * @return the words
	 */
	String abandoned() {
		return "; its AOT cache " + this.cache + " was not written (killed while training; give daemon.stop-timeout "
				+ "the time the cache takes), the next start trains it again";
	}

}
