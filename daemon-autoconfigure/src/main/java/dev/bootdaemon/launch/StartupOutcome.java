package dev.bootdaemon.launch;

import dev.bootdaemon.settings.Handoff;

/**
 * How the daemon's start ended, as the launcher saw it.
 *
 * @param kind what happened
 * @param detail the daemon's own account of a failure, empty otherwise
 */
record StartupOutcome(Kind kind, String detail) {

	static StartupOutcome of(Kind kind) {
		return new StartupOutcome(kind, "");
	}

	// The daemon says READY, or FAILED followed by its reason; saying nothing means it
	// died before it could.
	static StartupOutcome parse(String message) {
		if (message.startsWith(Handoff.STARTED + "\n")) {
			return parse(message.substring(Handoff.STARTED.length() + 1));
		}
		if (message.startsWith(Handoff.READY)) {
			return of(Kind.READY);
		}
		if (message.startsWith(Handoff.FAILED)) {
			return new StartupOutcome(Kind.FAILED, message.substring(Handoff.FAILED.length()).strip());
		}
		return of(Kind.EXITED);
	}

	// The daemon says STARTED once its context has started, if readiness waits for the
	// runners: a timeout after that is the runners'.
	static StartupOutcome timedOut(String message) {
		return new StartupOutcome(Kind.TIMED_OUT, message.startsWith(Handoff.STARTED) ? Handoff.STARTED : "");
	}

	/**
	 * Whether the application context had started when the start timed out: its
	 * runners were still running.
	 * @return whether the runners were still running
	 */
	boolean runnersStillRunning() {
		return this.kind == Kind.TIMED_OUT && this.detail.equals(Handoff.STARTED);
	}

	enum Kind {

		/** The application context is up and the pidfile written. */
		READY,

		/** The application failed to start and said why. */
		FAILED,

		/** The daemon process ended without saying anything. */
		EXITED,

		/** The daemon did not get ready in time. */
		TIMED_OUT

	}

}
