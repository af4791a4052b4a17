package dev.bootdaemon.commandline;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The command line of this JVM, rebuilt to run the same way from another working
 * directory: the same java binary, JVM options, class path or jar, main class and
 * arguments, byte for byte (see {@link CommandLine}), except for paths relative to the
 * launch directory, which are made absolute.
 * <p>
 * Only what is a path by definition is rewritten: the JVM's path options, Spring Boot's
 * and the starter's path properties (as {@code -Dname=value} or {@code --name=value}: a
 * location without a prefix, or with {@code file:}, is a path to Spring Boot),
 * and values written as relative paths ({@code ./x}, {@code ../x}).
 */
public final class JavaCommand {

	private static final Set<String> PATH_XX_OPTIONS = Set.of("ErrorFile", "HeapDumpPath", "LogFile",
			"SharedArchiveFile", "ArchiveClassesAtExit", "AOTCache", "AOTCacheOutput", "AOTConfiguration",
			"CompileCommandFile", "ReplayDataFile", "InlineDataFile", "PerfDataSaveFile", "SharedClassListFile",
			"DumpLoadedClassList", "Flags", "VMOptionsFile");

	private static final Pattern FILE_KEY = Pattern.compile("((?:^|[:,=])(?:file|filename)=)([^:,\"]+)");

	// Canonical names (lower case, no dashes or underscores) of properties whose values
	// are file system locations, lists of them, or lists that may hold file: entries.
	private static final Set<String> PATH_PROPERTIES = Set.of("logging.file.name", "logging.file.path",
			"logging.config", "spring.pid.file", "daemon.pidfile", "daemon.outputfile", "daemon.workingdirectory",
			"daemon.aotcache", "loader.home");

	// Spring Boot reads an entry without a prefix as a file, as it does a file: entry.
	private static final Set<String> LOCATION_LIST_PROPERTIES = Set.of("spring.config.location",
			"spring.config.additionallocation", "spring.config.import", "loader.path");

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

	private final String launchDirectory;

	private JavaCommand(String launchDirectory) {
		this.launchDirectory = launchDirectory;
	}

	/**
	 * Rebuilds a command line so that it runs the same from any working directory.
	 * @param commandLine the command line as byte strings, the java binary first
	 * @param javaBinary the absolute java binary
	 * @param launchDirectory the directory relative paths were relative to
	 * @param extraOptions JVM options to add before all others
	 * @return the command line as byte strings
	 */
	public static List<String> relocate(List<String> commandLine, String javaBinary, Path launchDirectory,
			List<String> extraOptions) {
		return new JavaCommand(CommandLine.bytes(launchDirectory.toString())).relocate(commandLine,
				CommandLine.bytes(javaBinary), extraOptions.stream().map(CommandLine::bytes).toList());
	}

	/**
	 * Makes each relative entry of a class path absolute, as for {@code -cp}.
	 * @param classPath the class path, such as a {@code CLASSPATH} variable
	 * @param launchDirectory the directory relative entries are relative to
	 * @return the class path
	 */
	public static String absoluteClassPath(String classPath, Path launchDirectory) {
		return CommandLine.text(new JavaCommand(CommandLine.bytes(launchDirectory.toString()))
			.pathList(CommandLine.bytes(classPath)));
	}

	private List<String> relocate(List<String> commandLine, String javaBinary, List<String> extraOptions) {
		List<String> result = new ArrayList<>();
		result.add(javaBinary);
		result.addAll(extraOptions);
		int main = CommandLine.mainIndex(commandLine);
		for (int i = 1; i < main; i++) {
			String arg = commandLine.get(i);
			boolean hasNext = i + 1 < main;
			if (CommandLine.isPathListOption(arg) && hasNext) {
				result.add(arg);
				result.add(pathList(commandLine.get(++i)));
			}
			else if (arg.startsWith("@")) {
				result.add("@" + absolute(arg.substring(1)));
			}
			else if (!arg.startsWith("-") || CommandLine.isValueOption(arg) || arg.equals("-m") || arg.equals("--module")) {
				result.add(arg);
			}
			else {
				result.add(jvmOption(arg));
			}
		}
		if (main < commandLine.size()) {
			String target = commandLine.get(main);
			String before = commandLine.get(main - 1);
			// A jar, or a source file in source-file mode, is a path; a class or module is not.
			boolean path = before.equals("-jar") || (!before.equals("-m") && !before.equals("--module")
					&& target.endsWith(".java"));
			result.add(path ? absolute(target) : target);
			for (int i = main + 1; i < commandLine.size(); i++) {
				result.add(argument(commandLine.get(i)));
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
				return prefix + beforeEquals(option.substring(prefix.length()), this::absolute,
						UnaryOperator.identity());
			}
		}
		if (option.startsWith("-XX:") && option.contains("=")
				&& PATH_XX_OPTIONS.contains(option.substring(4, option.indexOf('=')))) {
			return beforeEquals(option, UnaryOperator.identity(), this::absolute);
		}
		if (option.startsWith("-Xlog:") || option.startsWith("-XX:StartFlightRecording")) {
			return fileKeys(option);
		}
		if (option.startsWith("-D")) {
			return "-D" + property(option.substring(2));
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
			return "--" + property(arg.substring(2));
		}
		return relativeValue(arg);
	}

	// name=value, as a -D option or a --name=value argument.
	private String property(String nameAndValue) {
		int equals = nameAndValue.indexOf('=');
		if (equals < 0) {
			return nameAndValue;
		}
		String name = canonical(nameAndValue.substring(0, equals));
		UnaryOperator<String> value;
		if (PATH_PROPERTIES.contains(name)) {
			value = this::location;
		}
		else if (LOCATION_LIST_PROPERTIES.contains(name)) {
			value = this::eachLocation;
		}
		else {
			value = (list) -> Arrays.stream(list.split(",", -1))
				.map(this::relativeValue)
				.collect(Collectors.joining(","));
		}
		return beforeEquals(nameAndValue, UnaryOperator.identity(), value);
	}

	private static String canonical(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	// Comma- or semicolon-separated locations, each after an optional "optional:" prefix.
	private String eachLocation(String list) {
		StringBuilder result = new StringBuilder();
		for (String part : list.split("(?<=[,;])|(?=[,;])")) {
			result.append(part.equals(",") || part.equals(";") ? part : location(part));
		}
		return result.toString();
	}

	// A location such as "config/", "optional:file:x.yml" or "classpath:/x": relative
	// file system paths become absolute, everything else stays as it is.
	private String location(String location) {
		String prefix = "";
		String path = location;
		if (path.startsWith("optional:")) {
			prefix = "optional:";
			path = path.substring(prefix.length());
		}
		if (path.startsWith("file:")) {
			prefix += "file:";
			path = path.substring("file:".length());
		}
		else if (SCHEME.matcher(path).find()) {
			return location;
		}
		return (path.isEmpty() || path.startsWith("/")) ? location : prefix + absolute(path);
	}

	private String relativeValue(String value) {
		boolean relative = value.equals(".") || value.equals("..") || value.startsWith("./") || value.startsWith("../");
		return relative ? absolute(value) : value;
	}

	private String pathList(String paths) {
		return Arrays.stream(paths.split(File.pathSeparator, -1))
			.map((path) -> path.isEmpty() ? path : absolute(path))
			.collect(Collectors.joining(File.pathSeparator));
	}

	/**
	 * Resolves a path, as a byte string, against the launch directory, without touching
	 * the file system.
	 */
	private String absolute(String path) {
		if (path.startsWith("/")) {
			return path;
		}
		List<String> segments = new ArrayList<>(Arrays.asList(this.launchDirectory.split("/")));
		segments.removeIf(String::isEmpty);
		for (String segment : path.split("/")) {
			if (segment.equals("..")) {
				if (!segments.isEmpty()) {
					segments.remove(segments.size() - 1);
				}
			}
			else if (!segment.isEmpty() && !segment.equals(".")) {
				segments.add(segment);
			}
		}
		// Keep a trailing slash: Spring Boot reads it as "this location is a directory".
		String slash = (path.endsWith("/") && !segments.isEmpty()) ? "/" : "";
		return "/" + String.join("/", segments) + slash;
	}

	/**
	 * Quotes byte strings for {@code /bin/sh}, as the words of one command.
	 * @param command the words
	 * @return each in single quotes, separated by spaces
	 */
	public static String shellWords(List<String> command) {
		return command.stream().map(JavaCommand::shellQuoted).collect(Collectors.joining(" "));
	}

	/**
	 * Quotes a byte string for {@code /bin/sh}.
	 * @param arg the argument
	 * @return it in single quotes
	 */
	public static String shellQuoted(String arg) {
		return "'" + arg.replace("'", "'\\''") + "'";
	}

	private static String beforeEquals(String text, UnaryOperator<String> name, UnaryOperator<String> value) {
		int equals = text.indexOf('=');
		return (equals < 0) ? name.apply(text)
				: name.apply(text.substring(0, equals)) + "=" + value.apply(text.substring(equals + 1));
	}

}
