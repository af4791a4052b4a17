package dev.bootdaemon.launch;

import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.bootdaemon.pidfile.PidFile;
import dev.bootdaemon.posix.Posix;

/**
 * The daemon's side of a start: takes the pidfile, then tells the launcher whether the
 * application became ready or why it failed. The pidfile is released by a Spring Boot
 * shutdown handler, which runs once the application context is closed.
 */
final class DaemonChild {

	private static final Log logger = LogFactory.getLog(DaemonChild.class);

	private final StartupReporter reporter;

	private final PidFile pidFile;

	private DaemonChild(StartupReporter reporter, PidFile pidFile) {
		this.reporter = reporter;
		this.pidFile = pidFile;
	}

	static DaemonChild attach(Environment environment, Path startupSocket, Path launchDirectory) {
		StartupReporter reporter = StartupReporter.connect(startupSocket);
		try {
			DaemonSettings settings = DaemonSettings.of(environment, launchDirectory);
			long pid = ProcessHandle.current().pid();
			PidFile pidFile = PidFile.acquire(Posix.load(), settings.pidFile(), pid, (stalePid) -> logger
				.warn("Taking over stale pidfile " + settings.pidFile() + " (pid " + stalePid + " is not running)"));
			SpringApplication.getShutdownHandlers().add(pidFile::release);
			logger.info("Running as daemon: pid " + pid + ", pidfile " + pidFile.getPath());
			return new DaemonChild(reporter, pidFile);
		}
		catch (RuntimeException ex) {
			reporter.failed(ex.getMessage());
			throw ex;
		}
	}

	void ready() {
		this.reporter.ready();
	}

	void failed(@Nullable ConfigurableApplicationContext context, Throwable failure) {
		this.pidFile.release();
		this.reporter.failed(StartupFailureDescription.of(context, failure));
	}

}
