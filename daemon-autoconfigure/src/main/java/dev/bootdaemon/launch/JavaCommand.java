package dev.bootdaemon.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The command line of this JVM, rebuilt to run the same way from another working
 * directory: the same java binary, JVM options, class path or jar, main class and
 * arguments, with paths that were relative to the launch directory made absolute.
 * <p>
 * Known path options (class and module paths, {@code -jar}, agents, {@code @argfiles},
 * {@code -Xlog} files, dump and error files) are always made absolute. Other values
 * ({@code -Dname=value}, {@code --name=value} and bare arguments, each element of a
 * comma-separated list, after an optional {@code optional:} and {@code file:} prefix)
 * are made absolute when they name a file that exists in the launch directory.
 */
final class JavaCommand {

	private static final Set<String> PATH_LIST_OPTIONS = Set.of("-cp", "-classpath", "--class-path", "-p",
			"--module-path", "--upgrade-module-path");

	private static final Set<String> VALUE_OPTIONS = Set.of("--add-modules", "--add-exports", "--add-opens",
			"--add-reads", "--limit-modules", "--patch-module", "--enable-native-access");

	private static final Set<String> PATH_XX_OPTIONS = Set.of("-XX:ErrorFile=", "-XX:HeapDumpPath=",
			"-XX:LogFile=", "-XX:SharedArchiveFile=", "-XX:ArchiveClassesAtExit=");

	private static final Pattern FILE_KEY = Pattern.compile("((?:^|[:,=])(?:file|filename)=)([^:,\"]+)");

	private final Path launchDirectory;

	private JavaCommand(Path launchDirectory) {
		this.launchDirectory = launchDirectory;
	}

	/**
	 * Returns the command line of this JVM as {@code /proc/self/cmdline} has it.
	 * @return the command line
	 * @throws IOException if it cannot be read
	 */
	static List<String> current() throws IOException {
		byte[] bytes = Files.readAllBytes(Path.of("/proc/self/cmdline"));
		// The JVM decodes its arguments with the platform's file name encoding.
		String encoding = System.getProperty("sun.jnu.encoding");
		Charset charset = (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
				: Charset.defaultCharset();
		return Arrays.asList(new String(bytes, charset).split("\0"));
	}

	/**
	 * Rebuilds a command line so that it runs the same from any working directory.
	 * @param commandLine the command line, the java binary first
	 * @param javaBinary the absolute java binary
	 * @param launchDirectory the directory relative paths were relative to
	 * @param extraOptions JVM options to add before all others
	 * @return the command line
	 */
	static List<String> relocate(List<String> commandLine, String javaBinary, Path launchDirectory,
			List<String> extraOptions) {
		return new JavaCommand(launchDirectory).relocate(commandLine, javaBinary, extraOptions);
	}

	private List<String> relocate(List<String> commandLine, String javaBinary, List<String> extraOptions) {
		List<String> result = new ArrayList<>();
		result.add(javaBinary);
		result.addAll(extraOptions);
		boolean mainSeen = false;
		for (int i = 1; i < commandLine.size(); i++) {
			String arg = commandLine.get(i);
			boolean hasNext = i + 1 < commandLine.size();
			if (mainSeen) {
				result.add(argument(arg));
			}
			else if (PATH_LIST_OPTIONS.contains(arg) && hasNext) {
				result.add(arg);
				result.add(pathList(commandLine.get(++i)));
			}
			else if (VALUE_OPTIONS.contains(arg) && hasNext) {
				result.add(arg);
				result.add(commandLine.get(++i));
			}
			else if (arg.equals("-jar") && hasNext) {
				result.add(arg);
				result.add(absolute(commandLine.get(++i)));
				mainSeen = true;
			}
			else if ((arg.equals("-m") || arg.equals("--module")) && hasNext) {
				result.add(arg);
				result.add(commandLine.get(++i));
				mainSeen = true;
			}
			else if (arg.startsWith("-")) {
				result.add(jvmOption(arg));
			}
			else if (arg.startsWith("@")) {
				result.add("@" + absolute(arg.substring(1)));
			}
			else {
				// The main class, or the source file in source-file mode.
				result.add(existingPath(arg));
				mainSeen = true;
			}
		}
		return result;
	}

	private String jvmOption(String option) {
		for (String prefix : List.of("--class-path=", "--module-path=", "--upgrade-module-path=")) {
			if (option.startsWith(prefix)) {
				return prefix + pathList(option.substring(prefix.length()));
			}
		}
		for (String prefix : List.of("-javaagent:", "-agentpath:")) {
			if (option.startsWith(prefix)) {
				return prefix + beforeEquals(option.substring(prefix.length()), this::absolute);
			}
		}
		for (String prefix : PATH_XX_OPTIONS) {
			if (option.startsWith(prefix)) {
				return prefix + absolute(option.substring(prefix.length()));
			}
		}
		if (option.startsWith("-Xlog:") || option.startsWith("-XX:StartFlightRecording")) {
			return fileKeys(option);
		}
		if (option.startsWith("-D")) {
			return "-D" + beforeEquals(option.substring(2), (name) -> name, this::values);
		}
		return option;
	}

	private String fileKeys(String option) {
		Matcher matcher = FILE_KEY.matcher(option);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(1) + absolute(matcher.group(2))));
		}
		return matcher.appendTail(result).toString();
	}

	private String argument(String arg) {
		if (arg.startsWith("--") && arg.contains("=")) {
			return beforeEquals(arg, (name) -> name, this::values);
		}
		return arg.startsWith("-") ? arg : values(arg);
	}

	private String values(String value) {
		return Arrays.stream(value.split(",", -1)).map(this::existingPath).collect(Collectors.joining(","));
	}

	// Keeps an optional: / file: prefix in front of an existing relative path.
	private String existingPath(String value) {
		String prefix = "";
		String path = value;
		for (String marker : List.of("optional:", "file:")) {
			if (path.startsWith(marker)) {
				prefix += marker;
				path = path.substring(marker.length());
			}
		}
		if (path.isEmpty() || path.startsWith("/") || path.contains(":")) {
			return value;
		}
		Path resolved = this.launchDirectory.resolve(path);
		// Keep a trailing slash: Spring Boot reads it as "this location is a directory".
		String slash = path.endsWith("/") ? "/" : "";
		return Files.exists(resolved) ? prefix + resolved.normalize() + slash : value;
	}

	private String pathList(String paths) {
		return Arrays.stream(paths.split(File.pathSeparator, -1))
			.map((path) -> path.isEmpty() ? path : absolute(path))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private String absolute(String path) {
		return this.launchDirectory.resolve(path).normalize().toString();
	}

	private static String beforeEquals(String text, UnaryOperator<String> name) {
		return beforeEquals(text, name, UnaryOperator.identity());
	}

	private static String beforeEquals(String text, UnaryOperator<String> name, UnaryOperator<String> value) {
		int equals = text.indexOf('=');
		return (equals < 0) ? name.apply(text)
				: name.apply(text.substring(0, equals)) + "=" + value.apply(text.substring(equals + 1));
	}

}
