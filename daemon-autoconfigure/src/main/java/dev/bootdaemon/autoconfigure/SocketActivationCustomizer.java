package dev.bootdaemon.autoconfigure;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.util.ClassUtils;

import dev.bootdaemon.daemon.DaemonRuntime;

/**
 * Has the embedded web server serve the listening socket a service manager passed
 * (socket activation) instead of binding {@code server.port}: Tomcat, through its
 * connector's {@code useInheritedChannel}. Any other server cannot take the socket, and
 * the start fails naming it rather than binding a port nobody connects to.
 */
class SocketActivationCustomizer implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

	private static final String TOMCAT_FACTORY = "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory";

	private final DaemonRuntime runtime;

	SocketActivationCustomizer(DaemonRuntime runtime) {
		this.runtime = runtime;
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		if (!this.runtime.socketActivated()) {
			return;
		}
		if (!isTomcat(factory)) {
			throw new IllegalStateException("Socket activation (LISTEN_FDS) is served by Tomcat only; "
					+ "this application's web server factory is " + factory.getClass().getName());
		}
		TomcatInheritedChannel.use(factory);
	}

	private static boolean isTomcat(ConfigurableWebServerFactory factory) {
		ClassLoader classLoader = factory.getClass().getClassLoader();
		return ClassUtils.isPresent(TOMCAT_FACTORY, classLoader)
				&& ClassUtils.resolveClassName(TOMCAT_FACTORY, classLoader).isInstance(factory);
	}

}
