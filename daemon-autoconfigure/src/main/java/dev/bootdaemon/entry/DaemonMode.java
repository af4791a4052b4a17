package dev.bootdaemon.entry;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How a process decides on daemon mode, said in one place. Daemon mode is asked for by
 * {@code daemon.enabled=true}, or by a {@code daemon.command} other than {@code start}
 * (stop, status, a unit), read with Spring Boot's binder once the configuration is
 * loaded; a context of Spring's TestContext framework never asks. Before the
 * configuration is loaded, {@link EarlyLaunch} guesses from what is already visible
 * (the command line, system properties, the environment, the default
 * {@code application.properties} files), and the daemon it starts checks that guess
 * against {@link #enabled} and gives way where they differ. Once decided, the process
 * holds a {@code DaemonRuntime}, and the auto-configuration asks for that, not for the
 * flag.
 */
final class DaemonMode {

	private DaemonMode() {
	}

	/**
	 * Tells whether the loaded configuration asks for daemon mode or a daemon command.
	 * @param environment the environment, with the configuration loaded
	 * @return whether it does
	 */
	static boolean requested(Environment environment) {
		String command = environment.getProperty("daemon.command", "start");
		return (!"start".equalsIgnoreCase(command) || enabled(environment))
				&& !SpringTestContext.isStartingApplication();
	}

	/**
	 * Tells whether {@code daemon.enabled} is true in the loaded configuration.
	 * @param environment the environment, with the configuration loaded
	 * @return whether it is, or {@code true} if it cannot be bound, so that the
	 * settings' binding words the error
	 */
	static boolean enabled(Environment environment) {
		try {
			return Binder.get(environment).bind("daemon.enabled", Boolean.class).orElse(false);
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

}
