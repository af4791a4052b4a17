package dev.bootdaemon.entry;

import java.io.IOException;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;

import dev.bootdaemon.commandline.CommandLine;

/**
 * Makes the {@code --daemon.*} arguments of this JVM's command line count when
 * {@code main()} did not pass its arguments to Spring Boot
 * ({@code SpringApplication.run(App.class)}), as command-line arguments: just below the
 * ones it did pass, above every other property source. Without this, a
 * {@code --daemon.command=stop} would start a second copy of the application.
 */
final class CommandLineDaemonArguments implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String PREFIX = "--daemon.";

	static final String PROPERTY_SOURCE = "daemonCommandLineArgs";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		String[] daemonArgs;
		try {
			daemonArgs = CommandLine.applicationArguments(CommandLine.current())
				.stream()
				.map(CommandLine::text)
				.filter((arg) -> arg.startsWith(PREFIX))
				.toArray(String[]::new);
		}
		catch (IOException ex) {
			return;
		}
		if (daemonArgs.length == 0) {
			return;
		}
		MutablePropertySources sources = event.getEnvironment().getPropertySources();
		SimpleCommandLinePropertySource source = new SimpleCommandLinePropertySource(PROPERTY_SOURCE, daemonArgs);
		if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addFirst(source);
		}
	}

}
