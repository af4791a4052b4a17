package dev.bootdaemon.autoconfigure;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;

/**
 * Tomcat's side of socket activation, apart so that nothing loads Tomcat's types
 * unless Tomcat serves the application.
 */
final class TomcatInheritedChannel {

	private TomcatInheritedChannel() {
	}

	static void use(ConfigurableWebServerFactory factory) {
		((ConfigurableTomcatWebServerFactory) factory)
			.addConnectorCustomizers((connector) -> connector.setProperty("useInheritedChannel", "true"));
	}

}
