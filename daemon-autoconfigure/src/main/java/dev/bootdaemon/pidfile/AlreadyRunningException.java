package dev.bootdaemon.pidfile;

import java.nio.file.Path;

/**
 * Thrown when the pidfile is locked by a live process.
 */
public class AlreadyRunningException extends PidFileException {

	private final long pid;

	AlreadyRunningException(Path path, long pid) {
		this("already running as pid " + pid + " (pidfile " + path + " is locked)", pid);
	}

	AlreadyRunningException(String message, long pid) {
		super(message);
		this.pid = pid;
	}

	/**
	 * Returns the pid of the running process.
	 * @return the pid, or -1 if the pidfile could not be read
	 */
	public long getPid() {
		return this.pid;
	}

}
