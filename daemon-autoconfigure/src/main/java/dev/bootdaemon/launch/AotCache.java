package dev.bootdaemon.launch;

import java.io.File;
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
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.commandline.CommandLine;
import dev.bootdaemon.posix.ProcFiles;
import dev.bootdaemon.posix.TrustedFiles;

/**
 * The daemon's own JDK AOT cache (JEP 483, 514, 515). A daemon starts the same command
 * again and again, so it trains its cache during its first real run
 * ({@code -XX:AOTCacheOutput}, written when it exits) and later starts use it
 * ({@code -XX:AOTCache}); the launcher's own JVM never trains. A stamp beside the cache
 * records what it was made for (the JDK, and every file on the class and module paths
 * with its size and time): a cache made for other code or another JDK is trained again
 * rather than handed to a JVM that would reject it or, worse, run the old code. The JDK
 * writes the cache as the user the daemon runs as when it stops, so that user must be
 * able to write its directory, and root trains only where no other user can write.
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
	 * @param user the user the daemon switches to, who writes the cache when it stops,
	 * or {@code null}
	 * @param warnings where to say why there is no cache
	 * @return the options, none if there is no cache to use or train
	 */
	static List<String> options(@Nullable Path cache, List<String> commandLine, Path launchDirectory,
			@Nullable String user, PrintStream warnings) {
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
			String stamp = stamp(classPath(commandLine, jar, launchDirectory));
			if (Files.isRegularFile(cache, LinkOption.NOFOLLOW_LINKS)
					&& Files.isRegularFile(stampFile, LinkOption.NOFOLLOW_LINKS)
					&& Files.readString(stampFile).equals(stamp)) {
				return List.of("-XX:AOTCache=" + cache);
			}
			String unsafe = trainingProblem(cache.getParent(), user);
			if (unsafe != null) {
				warnings.println("Warning: daemon.aot-cache " + cache + ": " + unsafe
						+ "; the daemon starts without a cache");
				return List.of();
			}
			Files.deleteIfExists(cache);
			TrustedFiles.replace(stampFile, stamp.getBytes(StandardCharsets.UTF_8), "rw-r--r--", user);
			// The JDK's hundreds of warnings on classes it skips would flood the output.
			return List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot*=error");
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

	// The JDK writes the cache, following links, as the user the daemon runs as when it
	// stops: that user must be able to write the directory, and as root nobody else may.
	private static @Nullable String trainingProblem(Path directory, @Nullable String user) throws IOException {
		if (user != null) {
			int mode = (Integer) Files.getAttribute(directory, "unix:mode");
			return (Files.getOwner(directory).getName().equals(user) && (mode & 0200) != 0) || (mode & 0002) != 0
					? null : user + ", who writes the cache when the daemon stops, cannot write " + directory
							+ " (give it that directory)";
		}
		return (ProcFiles.effectiveUserId() == 0 && TrustedFiles.othersThanRootWrite(directory)) ? directory
				+ " can be written by a user other than root, who could put a link where the JDK writes the cache as "
				+ "root" : null;
	}

	private static @Nullable Path jar(List<String> commandLine, Path launchDirectory) {
		String jar = CommandLine.jar(commandLine);
		return (jar != null) ? launchDirectory.resolve(jar).normalize() : null;
	}

	private static boolean isFatJar(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.getEntry("BOOT-INF/") != null || file.getEntry("BOOT-INF/classes/") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	// What a cache is valid for: the JDK, and every file on the class and module paths
	// with its size and time, directories walked.
	private static String stamp(List<Path> classPath) throws IOException {
		StringBuilder stamp = new StringBuilder();
		stamp.append("java.home=").append(System.getProperty("java.home")).append('\n');
		stamp.append("java.vm.version=").append(System.getProperty("java.vm.version")).append('\n');
		for (Path entry : classPath) {
			if (Files.isDirectory(entry)) {
				try (Stream<Path> files = Files.walk(entry)) {
					for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
						appendFile(stamp, file);
					}
				}
			}
			else if (Files.exists(entry)) {
				appendFile(stamp, entry);
			}
			else {
				stamp.append(entry).append(" missing\n");
			}
		}
		return stamp.toString();
	}

	private static void appendFile(StringBuilder stamp, Path file) throws IOException {
		stamp.append(file).append(' ').append(Files.size(file)).append(' ')
			.append(Files.getLastModifiedTime(file).toMillis()).append('\n');
	}

	// The -jar, or else the class path (-cp, or CLASSPATH), and the module paths; a
	// wildcard stands for the directory's jars, and a jar adds its manifest's Class-Path.
	private static List<Path> classPath(List<String> commandLine, @Nullable Path jar, Path launchDirectory)
			throws IOException {
		List<Path> entries = new ArrayList<>();
		if (jar != null) {
			entries.add(jar);
		}
		List<String> lists = new ArrayList<>(
				CommandLine.pathLists(commandLine).stream().map(CommandLine::text).toList());
		String environment = System.getenv("CLASSPATH");
		if (jar == null && lists.isEmpty() && environment != null) {
			lists.add(environment);
		}
		for (String list : lists) {
			for (String element : list.split(File.pathSeparator)) {
				Path path = launchDirectory.resolve(element.isEmpty() ? "." : element).normalize();
				if (path.getFileName() != null && path.getFileName().toString().equals("*")) {
					try (Stream<Path> jars = Files.list(path.getParent())) {
						jars.filter((file) -> file.toString().endsWith(".jar")).sorted().forEach(entries::add);
					}
				}
				else {
					entries.add(path);
				}
			}
		}
		List<Path> all = new ArrayList<>();
		for (Path entry : entries) {
			all.add(entry);
			all.addAll(manifestClassPath(entry));
		}
		return all.stream().distinct().toList();
	}

	private static List<Path> manifestClassPath(Path jar) throws IOException {
		if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		try (JarFile file = new JarFile(jar.toFile())) {
			Manifest manifest = file.getManifest();
			String classPath = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
			if (classPath != null) {
				for (String entry : classPath.trim().split("\\s+")) {
					files.add(jar.resolveSibling(entry).normalize());
				}
			}
		}
		return files;
	}

}
