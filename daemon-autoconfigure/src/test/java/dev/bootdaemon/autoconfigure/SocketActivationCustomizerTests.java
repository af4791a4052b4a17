package dev.bootdaemon.autoconfigure;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.apache.catalina.connector.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;

import dev.bootdaemon.daemon.DaemonRuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SocketActivationCustomizer}; {@code SocketActivationIT} serves a real
 * passed socket.
 */
class SocketActivationCustomizerTests {

	@Test
	void whenSocketActivatedThenTomcatServesTheInheritedChannel() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		new SocketActivationCustomizer(runtime(true)).customize(factory);
		Connector connector = new Connector();
		factory.getConnectorCustomizers().forEach((customizer) -> customizer.customize(connector));
		assertThat(connector.getProperty("useInheritedChannel")).hasToString("true");
	}

	@Test
	void whenSocketActivatedThenJettyServesTheInheritedChannel() {
		JettyServletWebServerFactory factory = new JettyServletWebServerFactory();
		new SocketActivationCustomizer(runtime(true)).customize(factory);
		Server server = new Server();
		ServerConnector connector = new ServerConnector(server);
		server.addConnector(connector);
		factory.getServerCustomizers().forEach((customizer) -> customizer.customize(server));
		assertThat(connector.isInheritChannel()).isTrue();
	}

	@Test
	void whenNotSocketActivatedThenTomcatBindsItsPortAsUsual() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		new SocketActivationCustomizer(runtime(false)).customize(factory);
		assertThat(factory.getConnectorCustomizers()).isEmpty();
	}

	@Test
	void whenAnotherServerIsSocketActivatedThenTheStartFailsNamingIt() {
		ConfigurableWebServerFactory other = (ConfigurableWebServerFactory) Proxy.newProxyInstance(
				getClass().getClassLoader(), new Class<?>[] { ConfigurableWebServerFactory.class },
				(proxy, method, args) -> null);
		assertThatIllegalStateException()
			.isThrownBy(() -> new SocketActivationCustomizer(runtime(true)).customize(other))
			.withMessageStartingWith("Socket activation (LISTEN_FDS) is served by Tomcat or Jetty only; "
					+ "this application's web server factory is ");
	}

	private static DaemonRuntime runtime(boolean socketActivated) {
		return new DaemonRuntime(DaemonRuntime.Mode.FOREGROUND, 42, Path.of("/run/app.pid"), "console",
				OptionalLong::empty, null, socketActivated);
	}

}
