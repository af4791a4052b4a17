package dev.bootdaemon.autoconfigure;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.util.ClassUtils;

import dev.bootdaemon.daemon.DaemonRuntime;

/**
 * Has the embedded web server serve the listening socket a service manager passed
 * (socket activation) instead of binding {@code server.port}: Tomcat, through its
 * connector's {@code useInheritedChannel}, or Jetty, through its connector's
 * {@code inheritChannel}. Any other server cannot take the socket, and the start fails
 * naming it rather than binding a port nobody connects to.
 */
class SocketActivationCustomizer implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

	private static final String TOMCAT_FACTORY = "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory";

	private static final String JETTY_FACTORY = "org.springframework.boot.jetty.ConfigurableJettyWebServerFactory";

	private final DaemonRuntime runtime;

	SocketActivationCustomizer(DaemonRuntime runtime) {
		this.runtime = runtime;
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		if (!this.runtime.socketActivated()) {
			return;
		}
		if (is(TOMCAT_FACTORY, factory)) {
			InheritedChannel.tomcat(factory);
		}
		else if (is(JETTY_FACTORY, factory)) {
			InheritedChannel.jetty(factory);
		}
		else {
			throw new IllegalStateException("Socket activation (LISTEN_FDS) is served by Tomcat or Jetty only; "
					+ "this application's web server factory is " + factory.getClass().getName());
		}
	}

	private static boolean is(String type, ConfigurableWebServerFactory factory) {
		ClassLoader classLoader = factory.getClass().getClassLoader();
		return ClassUtils.isPresent(type, classLoader) && ClassUtils.resolveClassName(type, classLoader).isInstance(factory);
	}

}
