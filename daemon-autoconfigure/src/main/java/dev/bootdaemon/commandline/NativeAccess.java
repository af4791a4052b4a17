package dev.bootdaemon.commandline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Native access for the daemon's JVM. The starter calls libc through JNA, which Java 24
 * and later warn about (JEP 472) unless native access is enabled for it, and which a
 * JVM that denies it ({@code --illegal-native-access=deny}, a future default) stops.
 * The launcher chooses the daemon's JVM options, so it enables native access for the
 * class path unless the command line or the jar's manifest already does.
 */
public final class NativeAccess {

	private static final String ENABLE_FOR_CLASS_PATH = "--enable-native-access=ALL-UNNAMED";

	// The option is there since Java 22; Java 17 took it only for its incubator module.
	private static final int FIRST_FEATURE_RELEASE = 22;

	private NativeAccess() {
	}

	/**
	 * Returns the JVM options that enable native access for the starter's code.
	 * @param commandLine this JVM's command line, as byte strings
	 * @param launchDirectory what a relative jar is relative to
	 * @return the option, or none when it is not needed or already given
	 */
	public static List<String> options(List<String> commandLine, Path launchDirectory) {
		if (Runtime.version().feature() < FIRST_FEATURE_RELEASE || enabled(commandLine, launchDirectory)) {
			return List.of();
		}
		return List.of(ENABLE_FOR_CLASS_PATH);
	}

	private static boolean enabled(List<String> commandLine, Path launchDirectory) {
		List<String> options = commandLine.subList(0, CommandLine.mainIndex(commandLine));
		for (int i = 0; i < options.size(); i++) {
			String option = options.get(i);
			String value = option.startsWith("--enable-native-access=") ? option.substring(option.indexOf('=') + 1)
					: (option.equals("--enable-native-access") && i + 1 < options.size()) ? options.get(i + 1) : "";
			if (List.of(value.split(",")).contains("ALL-UNNAMED")) {
				return true;
			}
		}
		String jar = CommandLine.jar(commandLine);
		return jar != null && manifestEnables(launchDirectory.resolve(jar));
	}

	// A -jar's manifest applies to the class path: Enable-Native-Access: ALL-UNNAMED.
	private static boolean manifestEnables(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			Manifest manifest = file.getManifest();
			return manifest != null
					&& "ALL-UNNAMED".equals(manifest.getMainAttributes().getValue("Enable-Native-Access"));
		}
		catch (IOException ex) {
			return false;
		}
	}

}
