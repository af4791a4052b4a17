package dev.bootdaemon.autoconfigure;

import org.eclipse.jetty.server.ServerConnector;

import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;

/**
 * Each server's own switch to serve {@code System.inheritedChannel()}, apart so that
 * only the server that serves the application has its types loaded.
 */
final class InheritedChannel {

	private InheritedChannel() {
	}

	static void tomcat(ConfigurableWebServerFactory factory) {
		((ConfigurableTomcatWebServerFactory) factory)
			.addConnectorCustomizers((connector) -> connector.setProperty("useInheritedChannel", "true"));
	}

	static void jetty(ConfigurableWebServerFactory factory) {
		((ConfigurableJettyWebServerFactory) factory).addServerCustomizers((server) -> {
			for (var connector : server.getConnectors()) {
				if (connector instanceof ServerConnector serverConnector) {
					serverConnector.setInheritChannel(true);
				}
			}
		});
	}

}
