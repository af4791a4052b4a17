package dev.bootdaemon.entry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * The {@code application.properties} files Spring Boot reads when nothing says
 * otherwise, read the plain way before Spring Boot reads them, for the early start to
 * guess from: in the launch directory's {@code config/} and the directory itself, then
 * on the class path in {@code config/} and at its root, the first file that names a
 * property winning, as in Spring Boot. Where these may not be all the files Spring Boot
 * will read (a YAML file beside them, a profile, another location, name or import, or
 * {@code SPRING_APPLICATION_JSON}) it knows nothing. A guess stays a guess: the early
 * daemon binds its configuration the real way and gives way to the usual start when the
 * two differ.
 */
final class DefaultConfigurationFiles {

	private static final List<String> LOCATIONS = List.of("config/", "");

	// Read beside application.properties: YAML, and the default profile's file, which
	// counts while no profile is active.
	private static final List<String> OTHER_FILES = List.of("application.yml", "application.yaml",
			"application-default.properties", "application-default.yml", "application-default.yaml");

	// Properties that, set anywhere, make other files or sources count.
	private static final List<String> OTHER_FILES_PROPERTIES = List.of("spring.config.location",
			"spring.config.additional-location", "spring.config.name", "spring.config.import",
			"spring.profiles.active", "spring.profiles.include", "spring.profiles.default",
			"spring.application.json");

	private final List<Properties> files;

	private final Path launchDirectory;

	private final ClassLoader classLoader;

	private DefaultConfigurationFiles(List<Properties> files, Path launchDirectory, ClassLoader classLoader) {
		this.files = files;
		this.launchDirectory = launchDirectory;
		this.classLoader = classLoader;
	}

	/**
	 * Reads the files.
	 * @param launchDirectory the directory the application is launched in
	 * @param classLoader the application's class loader
	 * @return the files, in order of precedence, or {@code null} if one cannot be read
	 */
	static @Nullable DefaultConfigurationFiles read(Path launchDirectory, ClassLoader classLoader) {
		List<Properties> files = new ArrayList<>();
		try {
			for (URL file : find("application.properties", launchDirectory, classLoader)) {
				try (InputStream stream = file.openStream()) {
					files.add(load(stream));
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			// Spring Boot will say what is wrong with them.
			return null;
		}
		return new DefaultConfigurationFiles(files, launchDirectory, classLoader);
	}

	/**
	 * Tells whether these may be all the files Spring Boot reads: no YAML or default
	 * profile's file beside them, and no profile, other location, name, import or
	 * application JSON set here or where it is visible before them.
	 * @param visible a property where it is visible before the files
	 * @return whether these may be all
	 * @throws IOException if the launch directory cannot be looked into
	 */
	boolean mayBeAll(UnaryOperator<@Nullable String> visible) throws IOException {
		for (String property : OTHER_FILES_PROPERTIES) {
			if (visible.apply(property) != null || get(property) != null) {
				return false;
			}
		}
		for (String other : OTHER_FILES) {
			if (!find(other, this.launchDirectory, this.classLoader).isEmpty()) {
				return false;
			}
		}
		return true;
	}

	// The file of that name in each default location that has one, in Spring Boot's order
	// of precedence: the launch directory's config/, the directory, then the class path's.
	private static List<URL> find(String name, Path launchDirectory, ClassLoader classLoader) throws IOException {
		List<URL> found = new ArrayList<>();
		for (String location : LOCATIONS) {
			Path file = launchDirectory.resolve(location + name);
			if (Files.isRegularFile(file)) {
				found.add(file.toUri().toURL());
			}
		}
		for (String location : LOCATIONS) {
			URL resource = classLoader.getResource(location + name);
			if (resource != null) {
				found.add(resource);
			}
		}
		return found;
	}

	private static Properties load(InputStream stream) throws IOException {
		Properties properties = new Properties();
		properties.load(stream);
		return properties;
	}

	/**
	 * Returns a property's value from the file of highest precedence that sets it.
	 * @param name the property's canonical name
	 * @return its value, or {@code null}
	 */
	@Nullable String get(String name) {
		for (Properties file : this.files) {
			String value = file.getProperty(name);
			if (value != null) {
				return value.strip();
			}
		}
		return null;
	}

}
