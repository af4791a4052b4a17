package dev.bootdaemon.control;

import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.pidfile.PidFileSupervisor;
import dev.bootdaemon.posix.ProcFiles;
import dev.bootdaemon.supervisor.Supervision;

/**
 * What {@code status} says of a running daemon's supervisor: what the supervisor told the
 * daemon (its environment, readable by root and by the daemon's user while it has not
 * switched users), or only the supervisor's pid; or that the supervisor is gone.
 *
 * @param supervisor the supervisor's pid, 0 if none runs for the pidfile
 * @param supervision what the supervisor told the daemon, if it can be read
 * @param formerSupervisor the supervisor the daemon had and that is gone, or 0
 */
record SupervisorView(long supervisor, @Nullable Supervision supervision, long formerSupervisor) {

	static SupervisorView of(Path pidFile, long daemon) {
		long parent = ProcessHandle.of(daemon).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
		boolean supervised = parent > 0 && PidFileSupervisor.supervises(parent, pidFile);
		Map<String, String> environment = ProcFiles.environment(daemon);
		Supervision supervision = Supervision.of(environment, supervised ? parent : -1);
		Supervision former = Supervision.of(environment, formerSupervisor(environment));
		return new SupervisorView(supervised ? parent : 0, supervision,
				(!supervised && former != null) ? former.supervisor() : 0);
	}

	private static long formerSupervisor(Map<String, String> environment) {
		try {
			return Long.parseLong(environment.getOrDefault(Supervision.SUPERVISOR, "-1"));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	String describe() {
		if (this.supervision != null) {
			return ", " + this.supervision.describe();
		}
		if (this.supervisor > 0) {
			return ", supervisor pid " + this.supervisor;
		}
		return (this.formerSupervisor > 0) ? ", unsupervised: its supervisor (pid " + this.formerSupervisor
				+ ") is gone, and nothing restarts it" : "";
	}

}
