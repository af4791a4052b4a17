package dev.bootdaemon.output;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.ProcFiles;
import dev.bootdaemon.syslog.SyslogAddress;
import dev.bootdaemon.syslog.SyslogFormat;
import dev.bootdaemon.syslog.SyslogForwarder;

/**
 * Output sent to syslog, a message a line. Descriptors 1 and 2 are named pipes from
 * before the JVM starts, so its earliest native lines wait in the pipe until the daemon
 * attaches its {@link SyslogForwarder}.
 */
final class SyslogOutput implements OutputTarget {

	private static final String STDOUT_PIPE = "stdout.pipe";

	private static final String STDERR_PIPE = "stderr.pipe";

	private final SyslogAddress address;

	private final SyslogFormat format;

	private final String facility;

	private final String tag;

	private final int bufferLines;

	SyslogOutput(SyslogAddress address, @Nullable SyslogFormat format, String facility, String tag, int bufferLines) {
		this.address = address;
		this.format = (format != null) ? format
				: (address.transport() == SyslogAddress.Transport.UNIX) ? SyslogFormat.RFC3164 : SyslogFormat.RFC5424;
		this.facility = facility;
		this.tag = tag.substring(0, Math.min(tag.length(), SYSLOG_TAG_MAX));
		this.bufferLines = bufferLines;
	}

	String tag() {
		return this.tag;
	}

	@Override
	public @Nullable Path file() {
		return null;
	}

	@Override
	public Optional<String> unreachable(Posix posix) {
		return SyslogForwarder.unreachable(posix, this.address);
	}

	@Override
	public StandardStreams prepare(Path privateDirectory, Posix posix) {
		posix.makeFifo(privateDirectory.resolve(STDOUT_PIPE), 0600);
		posix.makeFifo(privateDirectory.resolve(STDERR_PIPE), 0600);
		return new StandardStreams(privateDirectory.resolve(STDOUT_PIPE), privateDirectory.resolve(STDERR_PIPE), true);
	}

	@Override
	public AttachedOutput attach(Path privateDirectory, Posix posix) {
		SyslogForwarder forwarder = new SyslogForwarder(posix, this.address, this.format, this.facility, this.tag,
				this.bufferLines);
		forwarder.start(open(1, privateDirectory.resolve(STDOUT_PIPE)), open(2, privateDirectory.resolve(STDERR_PIPE)));
		return new AttachedOutput() {

			@Override
			public OptionalLong droppedLines() {
				return OptionalLong.of(forwarder.dropped());
			}

			@Override
			public void flush(Duration timeout) {
				forwarder.flush(timeout);
			}

			@Override
			public String description() {
				return SyslogOutput.this.description();
			}

		};
	}

	// Through our own descriptor, which holds the pipe open for writing, so this never
	// waits: a daemon that its supervisor restarted has the pipe but not its name.
	private static InputStream open(int fd, Path pipe) {
		try {
			InputStream in = new FileInputStream(ProcFiles.ownPath(fd).toFile());
			Files.deleteIfExists(pipe);
			return in;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + pipe, ex);
		}
	}

	// util-linux logger, with the forwarder's transport, framing and format; on a Unix
	// socket logger's own local format is the forwarder's, without a hostname.
	@Override
	public List<String> logger(String severity) {
		List<String> command = new ArrayList<>(List.of("logger", "-t", this.tag, "-p", this.facility + "." + severity));
		String format = (this.format == SyslogFormat.RFC5424) ? "--rfc5424" : "--rfc3164";
		String port = String.valueOf(this.address.port());
		switch (this.address.transport()) {
			case UNIX -> command.addAll(List.of("-u", this.address.path()));
			case UDP -> command.addAll(List.of(format, "-d", "-n", this.address.host(), "-P", port));
			case TCP -> command.addAll(List.of(format, "-T", "--octet-count", "-n", this.address.host(), "-P", port));
		}
		return command;
	}

	@Override
	public String value() {
		return this.address.toString();
	}

	@Override
	public String description() {
		return "output syslog " + this.address;
	}

}
