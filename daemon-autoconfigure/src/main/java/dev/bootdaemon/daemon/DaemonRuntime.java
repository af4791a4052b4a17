package dev.bootdaemon.daemon;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.output.OutputTarget;

/**
 * What daemon mode made of this process, for the application and for Actuator's
 * {@code info} endpoint. A bean in the application context while in daemon mode.
 *
 * @param mode whether the process detached or stayed in the foreground
 * @param pid the process id
 * @param pidFile the pidfile it holds
 * @param output where its standard output and error go
 * @param user the user it switched to, or {@code null}
 */
public record DaemonRuntime(Mode mode, long pid, Path pidFile, OutputTarget output, @Nullable String user) {

	/**
	 * How the process runs.
	 */
	public enum Mode {

		/** Detached from the launching process: fork, setsid, fork. */
		DETACHED,

		/** In the foreground, under a service manager or by choice. */
		FOREGROUND

	}

}
