package dev.bootdaemon.commandline;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.ProcFiles;

/**
 * A JVM's command line as byte strings: {@code String}s whose chars are the bytes of the
 * arguments (ISO-8859-1), so that an argument the platform charset cannot decode (any
 * non-ASCII byte under {@code LC_ALL=C}) is still kept exactly. Tells where the main jar,
 * module or class is, and which arguments are the application's.
 */
public final class CommandLine {

	private static final Set<String> PATH_LIST_OPTIONS = Set.of("-cp", "-classpath", "--class-path", "-p",
			"--module-path", "--upgrade-module-path");

	// A version at the end of a jar's name: -1.2.3, -20240101, with a qualifier such as
	// -SNAPSHOT, .RELEASE or -rc1.
	private static final Pattern VERSION = Pattern.compile("-\\d+(\\.\\d+)*([.-][A-Za-z][\\w.-]*)?$");

	private static final Set<String> VALUE_OPTIONS = Set.of("--add-modules", "--add-exports", "--add-opens",
			"--add-reads", "--limit-modules", "--patch-module", "--enable-native-access");

	private CommandLine() {
	}

	/**
	 * Returns the command line of this JVM, empty arguments included.
	 * @return the command line as byte strings
	 * @throws IOException if it cannot be read
	 */
	public static List<String> current() throws IOException {
		return of(-1);
	}

	/**
	 * Returns the command line of a process.
	 * @param pid the process, or -1 for this one
	 * @return the command line as byte strings
	 * @throws IOException if it cannot be read
	 */
	public static List<String> of(long pid) throws IOException {
		return parse(ProcFiles.commandLine(pid));
	}

	/**
	 * Splits the contents of a {@code /proc/PID/cmdline} file into byte strings.
	 * @param cmdline the contents, each argument ended by a NUL
	 * @return the arguments
	 */
	public static List<String> parse(byte[] cmdline) {
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
	public static String bytes(String text) {
		return new String(text.getBytes(fileNameCharset()), StandardCharsets.ISO_8859_1);
	}

	/**
	 * Turns a byte string back into text, decoded as the JVM decodes file names.
	 * @param bytes the byte string
	 * @return the text
	 */
	public static String text(String bytes) {
		return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), fileNameCharset());
	}

	private static Charset fileNameCharset() {
		String encoding = System.getProperty("sun.jnu.encoding");
		return (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
				: Charset.defaultCharset();
	}

	/**
	 * Tells whether a JVM option is a path list followed by its value, such as
	 * {@code -cp}.
	 * @param option the option
	 * @return whether it is
	 */
	public static boolean isPathListOption(String option) {
		return PATH_LIST_OPTIONS.contains(option);
	}

	/**
	 * Tells whether a JVM option takes the next argument as its value and that value is
	 * not a path, such as {@code --add-opens}.
	 * @param option the option
	 * @return whether it does
	 */
	public static boolean isValueOption(String option) {
		return VALUE_OPTIONS.contains(option);
	}

	/**
	 * Returns the position of the main jar, module or class in a command line.
	 * @param commandLine the command line, the java binary first
	 * @return its index, or the size of the command line if there is none
	 */
	public static int mainIndex(List<String> commandLine) {
		int i = 1;
		while (i < commandLine.size()) {
			String arg = commandLine.get(i);
			if (isPathListOption(arg) || isValueOption(arg)) {
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
	 * Returns the main jar of a {@code -jar} launch, as written.
	 * @param commandLine the command line, the java binary first
	 * @return the jar as text, or {@code null} if this is not a {@code -jar} launch
	 */
	public static @Nullable String jar(List<String> commandLine) {
		int main = mainIndex(commandLine);
		return (main < commandLine.size() && commandLine.get(main - 1).equals("-jar")) ? text(commandLine.get(main))
				: null;
	}

	/**
	 * Returns a jar's name without its directory, {@code .jar} and version:
	 * {@code orders-1.2.4-SNAPSHOT.jar} is {@code orders}, so that a new version of an
	 * application is the same application.
	 * @param jar the jar, as a path
	 * @return its name without version, or the whole file name if nothing else is left
	 */
	public static String jarName(String jar) {
		String file = jar.substring(jar.lastIndexOf('/') + 1);
		String name = file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
		String unversioned = VERSION.matcher(name).replaceFirst("");
		return unversioned.isEmpty() ? name : unversioned;
	}

	/**
	 * Returns the values of the path list options before the main jar, module or class:
	 * the class path and module paths as given.
	 * @param commandLine the command line, the java binary first
	 * @return the path lists, in order
	 */
	public static List<String> pathLists(List<String> commandLine) {
		List<String> lists = new ArrayList<>();
		int main = mainIndex(commandLine);
		for (int i = 1; i + 1 < main; i++) {
			if (isPathListOption(commandLine.get(i))) {
				lists.add(commandLine.get(++i));
			}
		}
		return lists;
	}

	/**
	 * Returns what follows the main jar, module or class: the application's arguments.
	 * @param commandLine the command line, the java binary first
	 * @return the arguments
	 */
	public static List<String> applicationArguments(List<String> commandLine) {
		int main = mainIndex(commandLine);
		return (main < commandLine.size()) ? commandLine.subList(main + 1, commandLine.size()) : List.of();
	}

}
