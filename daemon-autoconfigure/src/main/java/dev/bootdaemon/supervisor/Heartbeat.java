package dev.bootdaemon.supervisor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.bootdaemon.servicemanager.HealthBeat;

/**
 * The daemon's side of the supervisor's watchdog: one line in the file the supervisor
 * made, overwritten in place. Empty while the daemon starts; {@code ready N} once it is
 * ready, N counting up every half watchdog interval while it is healthy; {@code stopping}
 * once it stops, when a long stop is no hang. The file has no name: it is opened as the
 * supervisor's descriptor under {@code /proc}, before the daemon drops root, and
 * written through the daemon's own descriptor from then on.
 */
public final class Heartbeat {

	private static final Log logger = LogFactory.getLog(Heartbeat.class);

	private final FileChannel file;

	private long count;

	private @Nullable HealthBeat beats;

	private boolean stopping;

	private Heartbeat(FileChannel file) {
		this.file = file;
	}

	/**
	 * Opens the heartbeat file the supervisor made.
	 * @param path the supervisor's descriptor of it
	 * @return the heartbeat, or {@code null} if the supervisor is gone: the daemon then
	 * runs unsupervised, as one whose supervisor dies later does
	 */
	public static @Nullable Heartbeat open(Path path) {
		try {
			// The supervisor's own descriptor, which /proc shows as a link.
			return new Heartbeat(FileChannel.open(path, StandardOpenOption.WRITE));
		}
		catch (IOException ex) {
			logger.warn("Cannot open the supervisor's heartbeat file " + path + " (" + ex.getMessage()
					+ "); running unsupervised");
			return null;
		}
	}

	/**
	 * Says the daemon is ready, then beats every half watchdog interval while healthy.
	 * @param watchdog how long the supervisor waits for a beat, or {@code null}
	 * @param healthy whether the application is healthy
	 */
	public synchronized void ready(@Nullable Duration watchdog, BooleanSupplier healthy) {
		beat();
		if (watchdog != null) {
			this.beats = HealthBeat.start("daemon-heartbeat", watchdog.dividedBy(2), healthy, this::beat,
					"the supervisor's watchdog is not fed");
		}
	}

	private synchronized void beat() {
		if (!this.stopping) {
			write("ready", ++this.count);
		}
	}

	/**
	 * Says the daemon is stopping, and stops beating.
	 */
	public synchronized void stopping() {
		this.stopping = true;
		if (this.beats != null) {
			this.beats.stop();
		}
		if (this.count > 0) {
			write("stopping", this.count);
		}
	}

	// One write of a line of fixed length at the start: the supervisor reads it whole.
	private void write(String phase, long count) {
		String line = String.format("%-8s %019d\n", phase, count);
		try {
			this.file.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)), 0);
		}
		catch (IOException ex) {
			logger.warn("Cannot write the supervisor's heartbeat: " + ex.getMessage());
		}
	}

}
