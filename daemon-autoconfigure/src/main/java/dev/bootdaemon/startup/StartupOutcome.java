package dev.bootdaemon.startup;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.startup.Handoff.Attached;

/**
 * How the daemon's start ended, as the launcher saw it.
 *
 * @param kind what happened
 * @param detail the daemon's own account of a failure or refusal, empty otherwise
 * @param attached what an early daemon said once it passed the checks, or {@code null}
 */
public record StartupOutcome(Kind kind, String detail, @Nullable Attached attached) {

	private static final Map<String, Kind> LAST_WORDS = Map.of(Handoff.READY, Kind.READY, Handoff.FAILED,
			Kind.FAILED, Handoff.REFUSED, Kind.REFUSED, Handoff.FALLBACK, Kind.FALLBACK);

	StartupOutcome(Kind kind, String detail) {
		this(kind, detail, null);
	}

	static StartupOutcome of(Kind kind) {
		return new StartupOutcome(kind, "");
	}

	// The daemon says READY, or FAILED followed by its reason; saying nothing means it
	// died before it could. An early daemon says first ATTACHED, REFUSED or FALLBACK.
	static StartupOutcome parse(String message) {
		Attached attached = Attached.read(message);
		String said = Attached.after(message);
		if (said.startsWith(Handoff.STARTED + "\n")) {
			said = said.substring(Handoff.STARTED.length() + 1);
		}
		for (Map.Entry<String, Kind> last : LAST_WORDS.entrySet()) {
			if (said.startsWith(last.getKey())) {
				return new StartupOutcome(last.getValue(), said.substring(last.getKey().length()).strip(), attached);
			}
		}
		return new StartupOutcome(Kind.EXITED, "", attached);
	}

	// The daemon says STARTED once its context has started, if readiness waits for the
	// runners: a timeout after that is the runners'.
	static StartupOutcome timedOut(String message) {
		return new StartupOutcome(Kind.TIMED_OUT,
				Attached.after(message).startsWith(Handoff.STARTED) ? Handoff.STARTED : "", Attached.read(message));
	}

	/**
	 * Whether the application context had started when the start timed out: its
	 * runners were still running.
	 * @return whether the runners were still running
	 */
	public boolean runnersStillRunning() {
		return this.kind == Kind.TIMED_OUT && this.detail.equals(Handoff.STARTED);
	}

	/**
	 * What happened.
	 */
	public enum Kind {

		/** The application context is up and the pidfile written. */
		READY,

		/** The application failed to start and said why. */
		FAILED,

		/** An early daemon's checks failed; the detail is what to print. */
		REFUSED,

		/** An early daemon's settings need the usual start; it exits. */
		FALLBACK,

		/** The daemon process ended without saying anything. */
		EXITED,

		/** The daemon did not get ready in time. */
		TIMED_OUT

	}

}
