package dev.bootdaemon.entry;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.BootstrapRegistry;
import org.springframework.boot.bootstrap.BootstrapRegistryInitializer;

import dev.bootdaemon.launch.Launcher;
import dev.bootdaemon.settings.Handoff;
import dev.bootdaemon.settings.LaunchContext;

/**
 * Starts the daemon as early as a starter can, when daemon mode is asked for where no
 * configuration file can take it back: from {@link SpringApplication}'s constructor,
 * which creates the bootstrap registry initializers right after reading
 * {@code spring.factories}, before it creates the application's listeners and before
 * any run listener exists. The launching process then reads no configuration at all and
 * exits here once the daemon is ready (see {@link Launcher#launchEarly}), or goes on the
 * usual way when the daemon says its settings need that.
 * <p>
 * The arguments are not known yet here, so the JVM's own command line stands for them,
 * as it does for {@link CommandLineDaemonArguments}; the run listener asks again with the
 * arguments {@code main()} passed, for an application that adds the flag itself.
 */
final class EarlyLaunch implements BootstrapRegistryInitializer {

	// One start a JVM, however many applications it creates.
	private static final AtomicBoolean tried = new AtomicBoolean();

	EarlyLaunch() {
		// Strings only: nothing is loaded while daemon mode is off.
		if (System.getProperty(Handoff.STARTUP_SOCKET_PROPERTY) == null
				&& asksForEarlyStart(System.getProperty("sun.java.command", "").split(" "))) {
			start(mainClassOnStack());
		}
	}

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
			DaemonCommand.exitIfAsked(() -> {
				command.startEarly(LaunchContext.current(mainClass, false));
				return command;
			});
		}
	}

	/**
	 * Whether daemon mode is asked for where no configuration file can take it back: on
	 * the command line, as a system property or in the environment, in this order of
	 * precedence, with nothing there that needs the usual start. Strings only, as the
	 * flag is usually off.
	 * @param args the application's arguments
	 * @return whether to start the daemon early
	 */
	static boolean asksForEarlyStart(String[] args) {
		if (!"true".equalsIgnoreCase(visibleProperty(args, "daemon.enabled", "DAEMON_ENABLED"))
				|| !"Linux".equals(System.getProperty("os.name"))) {
			return false;
		}
		String command = visibleProperty(args, "daemon.command", "DAEMON_COMMAND");
		return (command == null || "start".equalsIgnoreCase(command))
				&& !"never".equalsIgnoreCase(visibleProperty(args, "daemon.detach", "DAEMON_DETACH"))
				&& visibleProperty(args, "daemon.aot-cache", "DAEMON_AOTCACHE") == null
				&& visibleProperty(args, "daemon.working-directory", "DAEMON_WORKINGDIRECTORY") == null;
	}

	private static @Nullable String visibleProperty(String[] args, String name, String variable) {
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
		return (value != null) ? value : System.getenv(variable);
	}

	// As SpringApplication finds it, which it does only after this.
	private static @Nullable Class<?> mainClassOnStack() {
		return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
			.walk((frames) -> frames.filter((frame) -> "main".equals(frame.getMethodName()))
				.findFirst()
				.map(StackWalker.StackFrame::getDeclaringClass)
				.orElse(null));
	}

}
