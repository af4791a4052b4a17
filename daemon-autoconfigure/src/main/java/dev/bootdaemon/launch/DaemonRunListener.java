package dev.bootdaemon.launch;

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
 * Turns {@code daemon.enabled=true} into a daemon. In the launching process it starts
 * the detached daemon and exits once that is ready; in the daemon it reports readiness
 * or failure back. With daemon mode off it does nothing and loads nothing.
 * <p>
 * It decides once the environment is prepared, so the flag works from any property
 * source, and runs after Boot's own listener so that configuration files are loaded.
 */
class DaemonRunListener implements SpringApplicationRunListener, Ordered {

	private @Nullable DaemonChild child;

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
			this.child = DaemonChild.attach(environment, Path.of(startupSocket),
					Path.of(System.getProperty(Launcher.LAUNCH_DIRECTORY_PROPERTY, "/")));
		}
		else if (isEnabled(environment)) {
			System.exit(new Launcher(System.out, System.err).launch(environment));
		}
	}

	private static boolean isEnabled(ConfigurableEnvironment environment) {
		try {
			return Binder.get(environment).bind("daemon.enabled", Boolean.class).orElse(false);
		}
		catch (RuntimeException ex) {
			System.err.println("Invalid value '" + environment.getProperty("daemon.enabled")
					+ "' for property 'daemon.enabled': expected true or false");
			System.exit(1);
			return false;
		}
	}

	@Override
	public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
		if (this.child != null) {
			this.child.ready();
		}
	}

	@Override
	public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
		if (this.child != null) {
			this.child.failed(context, exception);
		}
	}

}
