package dev.bootdaemon.syslog;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Where syslog listens: a Unix socket path (or {@code @abstract} name), or a UDP or TCP
 * host and port.
 *
 * @param transport how to reach it
 * @param path the socket path, for {@link Transport#UNIX}
 * @param host the host, for UDP and TCP
 * @param port the port, for UDP and TCP
 */
public record SyslogAddress(Transport transport, String path, String host, int port) {

	static final String PROPERTY = "daemon.syslog.address";

	/**
	 * Parses {@code /dev/log}, {@code unix:///path}, {@code udp://host:port} or
	 * {@code tcp://host:port}.
	 * @param address the address
	 * @return the parsed address
	 * @throws InvalidConfigurationPropertyValueException if it is none of those
	 */
	public static SyslogAddress parse(String address) {
		if (address.startsWith("/")) {
			return new SyslogAddress(Transport.UNIX, address, "", 0);
		}
		try {
			URI uri = new URI(address);
			String scheme = (uri.getScheme() != null) ? uri.getScheme() : "";
			switch (scheme) {
				case "unix" -> {
					if (uri.getPath() != null && uri.getPath().startsWith("/") && uri.getHost() == null) {
						return new SyslogAddress(Transport.UNIX, uri.getPath(), "", 0);
					}
				}
				case "udp", "tcp" -> {
					if (uri.getHost() != null && uri.getPort() > 0 && (uri.getPath() == null || uri.getPath().isEmpty())) {
						return new SyslogAddress(scheme.equals("udp") ? Transport.UDP : Transport.TCP, "", uri.getHost(),
								uri.getPort());
					}
				}
				default -> {
				}
			}
		}
		catch (URISyntaxException ex) {
			// Reported below with the accepted forms.
		}
		throw new InvalidConfigurationPropertyValueException(PROPERTY, address,
				"expected /dev/log, unix:///path, udp://host:port or tcp://host:port");
	}

	@Override
	public String toString() {
		return switch (this.transport) {
			case UNIX -> this.path;
			case UDP -> "udp://" + this.host + ":" + this.port;
			case TCP -> "tcp://" + this.host + ":" + this.port;
		};
	}

	/**
	 * How messages travel.
	 */
	public enum Transport {

		/** A Unix datagram socket, or a stream socket where that is what is there. */
		UNIX,

		/** UDP, one datagram a message (RFC 5426). */
		UDP,

		/** TCP with octet-counting framing (RFC 6587). */
		TCP

	}

}
