package dev.bootdaemon.entry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.BootstrapRegistry;
import org.springframework.boot.bootstrap.BootstrapRegistryInitializer;

import dev.bootdaemon.launch.Launcher;
import dev.bootdaemon.servicemanager.ServiceManager;
import dev.bootdaemon.settings.LaunchContext;
import dev.bootdaemon.startup.Handoff;

/**
 * Starts the daemon as early as a starter can, when daemon mode is asked for before
 * Spring Boot has read its configuration: from {@link SpringApplication}'s constructor,
 * which creates the bootstrap registry initializers right after reading
 * {@code spring.factories}, before it creates the application's listeners and before
 * any run listener exists. The launching process then reads no configuration at all and
 * exits here once the daemon is ready (see {@link Launcher#launchEarly}), or goes on the
 * usual way when the daemon says its settings need that.
 * <p>
 * The arguments are not known yet here, so the JVM's own command line stands for them,
 * as it does for {@link CommandLineDaemonArguments}; the run listener asks again with the
 * arguments {@code main()} passed, for an application that adds the flag itself. Where
 * the flag is not visible before the configuration, the {@code application.properties}
 * files that Spring Boot reads by default are read here too: a guess, which the daemon
 * checks against its real configuration before anything is created.
 */
final class EarlyLaunch implements BootstrapRegistryInitializer {

	// One start a JVM, however many applications it creates.
	private static final AtomicBoolean tried = new AtomicBoolean();

	EarlyLaunch() {
		// Nothing of daemon mode is loaded while it is off; without a visible flag the
		// default configuration files are read.
		if (System.getProperty(Handoff.STARTUP_SOCKET_PROPERTY) == null
				&& asksForEarlyStart(System.getProperty("sun.java.command", "").split(" "), Path.of("").toAbsolutePath(),
						EarlyLaunch.class.getClassLoader())) {
			start(mainClassOnStack());
		}
	}

	// Deliberately empty: Spring Boot calls it from run(), after it has created the
	// application's listeners; the constructor is the earliest a starter's code runs
	// (start to spawn 0.567 s from the run listener, 0.508 s from here).
	@Override
	public void initialize(BootstrapRegistry registry) {
	}

	/**
	 * Starts the daemon early, unless this JVM has tried already.
	 * @param mainClass the application's main class, if known
	 */
	static void start(@Nullable Class<?> mainClass) {
		if (!SpringTestContext.isStartingApplication() && tried.compareAndSet(false, true)) {
			DaemonCommand command = new DaemonCommand(System.out, System.err);
			command.startEarly(LaunchContext.current(mainClass, ServiceManager.detect(), false)).proceedOrExit();
		}
	}

	/**
	 * Whether daemon mode is asked for, with nothing that needs the usual start: on the
	 * command line, as a system property or in the environment, in this order of
	 * precedence, then in the {@code application.properties} files Spring Boot reads by
	 * default (see {@link DefaultConfigurationFiles}). Strings only until the files are
	 * needed.
	 * @param args the application's arguments
	 * @param launchDirectory where to look for the files, or {@code null} not to
	 * @param classLoader where to look for them on the class path
	 * @return whether to start the daemon early
	 */
	static boolean asksForEarlyStart(String[] args, @Nullable Path launchDirectory, ClassLoader classLoader) {
		if (!"Linux".equals(System.getProperty("os.name"))) {
			return false;
		}
		Lookup settings = new Lookup(args, launchDirectory, classLoader);
		if (!"true".equalsIgnoreCase(settings.get("daemon.enabled")) || !settings.trusted("daemon.enabled")) {
			return false;
		}
		String command = settings.get("daemon.command");
		String restart = settings.get("daemon.restart");
		// A supervisor is started by the launcher, which needs the settings for it.
		return (command == null || "start".equalsIgnoreCase(command))
				&& !"never".equalsIgnoreCase(settings.get("daemon.detach"))
				&& settings.get("daemon.aot-cache") == null && settings.get("daemon.working-directory") == null
				&& (restart == null || "no".equalsIgnoreCase(restart));
	}

	// On the command line, as a system property, else as Spring Boot's environment
	// variable for it (daemon.aot-cache: DAEMON_AOTCACHE).
	private static @Nullable String visibleProperty(String[] args, String name) {
		String prefix = "--" + name + "=";
		String value = null;
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				value = arg.substring(prefix.length());
			}
		}
		if (value == null) {
			value = System.getProperty(name);
		}
		return (value != null) ? value
				: System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
	}

	// As SpringApplication finds it, which it does only after this.
	private static @Nullable Class<?> mainClassOnStack() {
		return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
			.walk((frames) -> frames.filter((frame) -> "main".equals(frame.getMethodName()))
				.findFirst()
				.map(StackWalker.StackFrame::getDeclaringClass)
				.orElse(null));
	}

	/**
	 * A property as the early start sees it: where it is visible, else in the default
	 * configuration files, read the first time a property is not visible.
	 */
	private static final class Lookup {

		private final String[] args;

		private final @Nullable Path launchDirectory;

		private final ClassLoader classLoader;

		private @Nullable DefaultConfigurationFiles files;

		private boolean filesRead;

		Lookup(String[] args, @Nullable Path launchDirectory, ClassLoader classLoader) {
			this.args = args;
			this.launchDirectory = launchDirectory;
			this.classLoader = classLoader;
		}

		@Nullable String get(String name) {
			String visible = visibleProperty(this.args, name);
			if (visible != null) {
				return visible;
			}
			DefaultConfigurationFiles files = files();
			return (files != null) ? files.get(name) : null;
		}

		// Whether a value can be acted on: visible, or from files that may be all that
		// Spring Boot reads (a YAML file or a profile's could set it otherwise).
		boolean trusted(String name) {
			if (visibleProperty(this.args, name) != null) {
				return true;
			}
			try {
				DefaultConfigurationFiles files = files();
				return files != null && files.mayBeAll((property) -> visibleProperty(this.args, property));
			}
			catch (IOException ex) {
				return false;
			}
		}

		private @Nullable DefaultConfigurationFiles files() {
			if (!this.filesRead && this.launchDirectory != null) {
				this.filesRead = true;
				this.files = DefaultConfigurationFiles.read(this.launchDirectory, this.classLoader);
			}
			return this.files;
		}

	}

}
