package dev.bootdaemon.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * arguments, byte for byte, except for paths relative to the launch directory, which
 * are made absolute.
 * <p>
 * Every element is a byte string: a {@code String} whose chars are the bytes of the
 * argument (ISO-8859-1), so that an argument the platform charset cannot decode (any
 * non-ASCII byte under {@code LC_ALL=C}) still reaches the daemon unchanged.
 * <p>
 * Only what is a path by definition is rewritten: the JVM's path options, Spring Boot's
 * and the starter's path properties (as {@code -Dname=value} or {@code --name=value}: a
 * location without a prefix, or with {@code file:}, is a path to Spring Boot),
 * and values written as relative paths ({@code ./x}, {@code ../x}).
 */
final class JavaCommand {

	private static final Set<String> PATH_LIST_OPTIONS = Set.of("-cp", "-classpath", "--class-path", "-p",
			"--module-path", "--upgrade-module-path");

	private static final Set<String> VALUE_OPTIONS = Set.of("--add-modules", "--add-exports", "--add-opens",
			"--add-reads", "--limit-modules", "--patch-module", "--enable-native-access");

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
	 * Returns the command line of this JVM as {@code /proc/self/cmdline} has it, as byte
	 * strings, empty arguments included.
	 * @return the command line
	 * @throws IOException if it cannot be read
	 */
	static List<String> current() throws IOException {
		return parse(Files.readAllBytes(Path.of("/proc/self/cmdline")));
	}

	/**
	 * Splits the contents of a {@code /proc/PID/cmdline} file into byte strings.
	 * @param cmdline the contents, each argument ended by a NUL
	 * @return the arguments
	 */
	static List<String> parse(byte[] cmdline) {
		String all = new String(cmdline, StandardCharsets.ISO_8859_1);
		if (all.isEmpty()) {
			return List.of();
		}
		String terminated = all.endsWith("\0") ? all.substring(0, all.length() - 1) : all;
		return Arrays.asList(terminated.split("\0", -1));
	}

	/**
	 * Turns a string as the JVM decoded it into a byte string, encoded as the JVM encodes
	 * file names.
	 * @param text the text
	 * @return its bytes, one char each
	 */
	static String bytes(String text) {
		return new String(text.getBytes(fileNameCharset()), StandardCharsets.ISO_8859_1);
	}

	/**
	 * Turns a byte string back into text, decoded as the JVM decodes file names.
	 * @param bytes the byte string
	 * @return the text
	 */
	static String text(String bytes) {
		return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), fileNameCharset());
	}

	private static Charset fileNameCharset() {
		String encoding = System.getProperty("sun.jnu.encoding");
		return (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
				: Charset.defaultCharset();
	}

	/**
	 * Returns the position of the main jar, module or class in a command line.
	 * @param commandLine the command line, the java binary first
	 * @return its index, or the size of the command line if there is none
	 */
	static int mainIndex(List<String> commandLine) {
		int i = 1;
		while (i < commandLine.size()) {
			String arg = commandLine.get(i);
			if (PATH_LIST_OPTIONS.contains(arg) || VALUE_OPTIONS.contains(arg)) {
				i += 2;
			}
			else if (arg.equals("-jar") || arg.equals("-m") || arg.equals("--module")) {
				return Math.min(i + 1, commandLine.size());
			}
			else if (arg.startsWith("-") || arg.startsWith("@")) {
				i++;
			}
			else {
				return i;
			}
		}
		return commandLine.size();
	}

	/**
	 * Returns what follows the main jar, module or class: the application's arguments.
	 * @param commandLine the command line, the java binary first
	 * @return the arguments
	 */
	static List<String> applicationArguments(List<String> commandLine) {
		int main = mainIndex(commandLine);
		return (main < commandLine.size()) ? commandLine.subList(main + 1, commandLine.size()) : List.of();
	}

	/**
	 * Rebuilds a command line so that it runs the same from any working directory.
	 * @param commandLine the command line as byte strings, the java binary first
	 * @param javaBinary the absolute java binary
	 * @param launchDirectory the directory relative paths were relative to
	 * @param extraOptions JVM options to add before all others
	 * @return the command line as byte strings
	 */
	static List<String> relocate(List<String> commandLine, String javaBinary, Path launchDirectory,
			List<String> extraOptions) {
		return new JavaCommand(bytes(launchDirectory.toString())).relocate(commandLine, bytes(javaBinary),
				extraOptions.stream().map(JavaCommand::bytes).toList());
	}

	private List<String> relocate(List<String> commandLine, String javaBinary, List<String> extraOptions) {
		List<String> result = new ArrayList<>();
		result.add(javaBinary);
		result.addAll(extraOptions);
		int main = mainIndex(commandLine);
		for (int i = 1; i < main; i++) {
			String arg = commandLine.get(i);
			boolean hasNext = i + 1 < main;
			if (PATH_LIST_OPTIONS.contains(arg) && hasNext) {
				result.add(arg);
				result.add(pathList(commandLine.get(++i)));
			}
			else if (arg.startsWith("@")) {
				result.add("@" + absolute(arg.substring(1)));
			}
			else if (!arg.startsWith("-") || VALUE_OPTIONS.contains(arg) || arg.equals("-m") || arg.equals("--module")) {
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
	 * Quotes a byte string for {@code /bin/sh}.
	 * @param arg the argument
	 * @return it in single quotes
	 */
	static String shellQuoted(String arg) {
		return "'" + arg.replace("'", "'\\''") + "'";
	}

	private static String beforeEquals(String text, UnaryOperator<String> name, UnaryOperator<String> value) {
		int equals = text.indexOf('=');
		return (equals < 0) ? name.apply(text)
				: name.apply(text.substring(0, equals)) + "=" + value.apply(text.substring(equals + 1));
	}

}
