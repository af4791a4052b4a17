package dev.bootdaemon.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

import dev.bootdaemon.commandline.CommandLine;
import dev.bootdaemon.servicemanager.ServiceManager;

/**
 * What the settings take from the process rather than from properties.
 *
 * @param commandLine this JVM's command line, as byte strings
 * @param defaultName the application's name when {@code spring.application.name} is not
 * set: the jar's file name without {@code .jar} and its version, else the main class's
 * simple name
 * @param serviceManager what manages this process, or {@code null} (see
 * {@code ServiceManager})
 * @param detachedDaemon whether this is the detached daemon, started by a launcher
 */
public record LaunchContext(List<String> commandLine, String defaultName, @Nullable String serviceManager,
		boolean detachedDaemon) {


	/**
	 * Returns the context of this process, with its command line.
	 * @param mainClass the application's main class, if known
	 * @param serviceManager what manages this process, or {@code null}
	 * @param detachedDaemon whether this is the detached daemon
	 * @return the context
	 * @throws UncheckedIOException if the command line cannot be read
	 */
	public static LaunchContext current(@Nullable Class<?> mainClass, @Nullable String serviceManager,
			boolean detachedDaemon) {
		try {
			List<String> commandLine = CommandLine.current();
			return new LaunchContext(commandLine, defaultName(commandLine, mainClass), serviceManager,
					detachedDaemon);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read this process's command line", ex);
		}
	}

	/**
	 * Returns this context as the launcher of an early daemon saw it: a launcher that
	 * found a service manager does not start early.
	 * @return the context
	 */
	public LaunchContext asEarlyLauncher() {
		return new LaunchContext(this.commandLine, this.defaultName, null, false);
	}

	/**
	 * Returns the application's name: {@code spring.application.name}, else the default.
	 * @param environment the environment
	 * @return the name
	 */
	public String applicationName(Environment environment) {
		String name = environment.getProperty("spring.application.name");
		return (name != null && !name.isBlank()) ? name.strip() : this.defaultName;
	}

	// The jar's name without .jar and without a version (orders-1.2.4-SNAPSHOT.jar is
	// orders), so that a new version finds the old one's pidfile; else the main class.
	static String defaultName(List<String> commandLine, @Nullable Class<?> mainClass) {
		String jar = CommandLine.jar(commandLine);
		if (jar != null) {
			return CommandLine.jarName(jar);
		}
		return (mainClass != null) ? mainClass.getSimpleName() : "application";
	}

}
