package dev.bootdaemon.settings;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LaunchContext}.
 */
class LaunchContextTests {

	@Test
	void whenLaunchedFromAVersionedJarThenTheDefaultNameLeavesTheVersionOut() {
		assertThat(name("orders-1.2.3.jar")).isEqualTo("orders");
		assertThat(name("/opt/orders/orders-1.2.4-SNAPSHOT.jar")).isEqualTo("orders");
		assertThat(name("messaging-stomp-websocket-complete-0.0.1-SNAPSHOT.jar"))
			.isEqualTo("messaging-stomp-websocket-complete");
		assertThat(name("shop-2.0.0.RELEASE.jar")).isEqualTo("shop");
		assertThat(name("shop-20261206.jar")).isEqualTo("shop");
		assertThat(name("shop-3.1.0-rc1.jar")).isEqualTo("shop");
	}

	@Test
	void whenTheJarsNameHasNoVersionThenItIsTheDefaultName() {
		assertThat(name("app.jar")).isEqualTo("app");
		assertThat(name("log4j2-app.jar")).isEqualTo("log4j2-app");
		assertThat(name("app-2fa-service.jar")).isEqualTo("app-2fa-service");
		assertThat(name("1.0.jar")).isEqualTo("1.0");
	}

	@Test
	void whenThereIsNoJarThenTheMainClassNamesIt() {
		assertThat(LaunchContext.defaultName(List.of("java", "-cp", "classes", "com.example.Shop"),
				LaunchContextTests.class)).isEqualTo("LaunchContextTests");
	}

	private static String name(String jar) {
		return LaunchContext.defaultName(List.of("java", "-jar", jar), null);
	}

}
