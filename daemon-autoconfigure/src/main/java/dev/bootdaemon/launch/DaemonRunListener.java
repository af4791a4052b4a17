package dev.bootdaemon.launch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns {@code daemon.enabled=true} into a daemon, and runs {@code daemon.command}. In
 * the launching process it starts the detached daemon and exits once that is ready, or
 * stops it, or reports its status, without starting the application; in the daemon it
 * drives {@link RunningDaemon}. With daemon mode off it does nothing and loads nothing.
 * <p>
 * It decides once the environment is prepared, so the flag works from any property
 * source, and runs after Boot's own listener so that configuration files are loaded.
 */
class DaemonRunListener implements SpringApplicationRunListener, Ordered {

	private final PrintStream out = System.out;

	private final PrintStream err = System.err;

	private @Nullable RunningDaemon daemon;

	DaemonRunListener(SpringApplication application, String[] args) {
	}

	@Override
	public int getOrder() {
		return 10;
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		String startupSocket = System.getProperty(Launcher.STARTUP_SOCKET_PROPERTY);
		if (startupSocket != null) {
			this.daemon = RunningDaemon.detached(environment, Path.of(startupSocket),
					Path.of(System.getProperty(Launcher.LAUNCH_DIRECTORY_PROPERTY, "/")));
			return;
		}
		String command = environment.getProperty("daemon.command", "start");
		if ("start".equalsIgnoreCase(command) && !isEnabled(environment)) {
			return;
		}
		try {
			this.daemon = new DaemonCommand(this.out, this.err).run(environment);
		}
		catch (DaemonCommand.Exit exit) {
			System.exit(exit.status());
		}
	}

	private boolean isEnabled(ConfigurableEnvironment environment) {
		try {
			return Binder.get(environment).bind("daemon.enabled", Boolean.class).orElse(false);
		}
		catch (RuntimeException ex) {
			// Let the settings binder word the error.
			return true;
		}
	}

	@Override
	public void contextPrepared(ConfigurableApplicationContext context) {
		if (this.daemon != null) {
			this.daemon.contextPrepared(context);
		}
	}

	@Override
	public void started(ConfigurableApplicationContext context, Duration timeTaken) {
		if (this.daemon != null) {
			this.daemon.started();
		}
	}

	@Override
	public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
		if (this.daemon != null) {
			this.daemon.ready(context);
		}
	}

	@Override
	public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
		if (this.daemon != null) {
			this.daemon.failed(context, exception);
		}
	}

}
