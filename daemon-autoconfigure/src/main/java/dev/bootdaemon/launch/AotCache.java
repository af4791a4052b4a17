package dev.bootdaemon.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.TrustedFiles;
import dev.bootdaemon.settings.CommandLine;

/**
 * The daemon's own JDK AOT cache (JEP 483, 514, 515). A daemon starts the same command
 * again and again, so it trains its cache during its first real run
 * ({@code -XX:AOTCacheOutput}, written when it exits) and later starts use it
 * ({@code -XX:AOTCache}); the launcher's own JVM never trains. A stamp beside the cache
 * records what it was made for (the JDK, and the jar and its class path with their sizes
 * and times): a cache made for another jar or JDK is trained again rather than handed to
 * a JVM that would reject it.
 */
final class AotCache {

	private static final int FIRST_FEATURE_RELEASE = 25;

	private AotCache() {
	}

	/**
	 * Returns the JVM options that give the daemon its cache.
	 * @param cache the cache, or {@code null} if none is wanted
	 * @param commandLine this JVM's command line, as byte strings
	 * @param launchDirectory what relative paths in it are relative to
	 * @param warnings where to say why there is no cache
	 * @return the options, none if there is no cache to use or train
	 */
	static List<String> options(@Nullable Path cache, List<String> commandLine, Path launchDirectory,
			PrintStream warnings) {
		if (cache == null || commandLine.stream().anyMatch((arg) -> arg.startsWith("-XX:AOT"))) {
			return List.of();
		}
		int feature = Runtime.version().feature();
		if (feature < FIRST_FEATURE_RELEASE) {
			warnings.println("Warning: daemon.aot-cache needs Java " + FIRST_FEATURE_RELEASE
					+ " or later (this is Java " + feature + "); the daemon starts without it");
			return List.of();
		}
		Path jar = jar(commandLine, launchDirectory);
		if (jar != null && isFatJar(jar)) {
			warnings.println("Warning: daemon.aot-cache: the JDK caches no class from a fat jar's nested jars; "
					+ "extract it (java -Djarmode=tools -jar " + jar.getFileName() + " extract) and start the "
					+ "extracted jar; the daemon starts without a cache");
			return List.of();
		}
		try {
			Path stampFile = stampFile(cache);
			String stamp = stamp(jar);
			if (Files.isRegularFile(cache, LinkOption.NOFOLLOW_LINKS)
					&& Files.isRegularFile(stampFile, LinkOption.NOFOLLOW_LINKS)
					&& Files.readString(stampFile).equals(stamp)) {
				return List.of("-XX:AOTCache=" + cache);
			}
			Files.deleteIfExists(cache);
			TrustedFiles.replace(stampFile, stamp.getBytes(StandardCharsets.UTF_8), "rw-r--r--");
			return List.of("-XX:AOTCacheOutput=" + cache);
		}
		catch (IOException ex) {
			warnings.println("Warning: daemon.aot-cache " + cache + " cannot be used (" + ex.getMessage()
					+ "); the daemon starts without it");
			return List.of();
		}
	}

	static Path stampFile(Path cache) {
		return cache.resolveSibling(cache.getFileName() + ".stamp");
	}

	private static @Nullable Path jar(List<String> commandLine, Path launchDirectory) {
		int main = CommandLine.mainIndex(commandLine);
		if (main < commandLine.size() && commandLine.get(main - 1).equals("-jar")) {
			return launchDirectory.resolve(CommandLine.text(commandLine.get(main))).normalize();
		}
		return null;
	}

	private static boolean isFatJar(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.getEntry("BOOT-INF/") != null || file.getEntry("BOOT-INF/classes/") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	// What a cache is valid for: the JDK, and each class path file with its size and time.
	private static String stamp(@Nullable Path jar) throws IOException {
		StringBuilder stamp = new StringBuilder();
		stamp.append("java.home=").append(System.getProperty("java.home")).append('\n');
		stamp.append("java.vm.version=").append(System.getProperty("java.vm.version")).append('\n');
		for (Path file : classPath(jar)) {
			stamp.append(file).append(' ').append(Files.size(file)).append(' ')
				.append(Files.getLastModifiedTime(file).toMillis()).append('\n');
		}
		return stamp.toString();
	}

	private static List<Path> classPath(@Nullable Path jar) throws IOException {
		List<Path> files = new ArrayList<>();
		if (jar == null) {
			return files;
		}
		files.add(jar);
		try (JarFile file = new JarFile(jar.toFile())) {
			Manifest manifest = file.getManifest();
			String classPath = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
			if (classPath != null) {
				for (String entry : classPath.trim().split("\\s+")) {
					Path resolved = jar.resolveSibling(entry).normalize();
					if (Files.isRegularFile(resolved)) {
						files.add(resolved);
					}
				}
			}
		}
		return files;
	}

}
