package dev.bootdaemon.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import dev.bootdaemon.settings.DaemonProperties;
import dev.bootdaemon.syslog.SyslogFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata IDEs read: every property with its javadoc, and
 * value hints for the properties that take one of a few values.
 */
class ConfigurationMetadataTests {

	private final DocumentContext metadata = metadata();

	@Test
	void whenAnIdeCompletesAPropertyThenItHasADescription() {
		List<String> withoutDescription = this.metadata.read("$.properties[?(!@.description)].name");
		assertThat(withoutDescription).isEmpty();
	}

	@Test
	void whenAPropertyTakesOneOfAFewValuesThenAllAreHintedAndDescribed() {
		assertHints("daemon.output", DaemonProperties.Output.values());
		assertHints("daemon.command", DaemonProperties.Command.values());
		assertHints("daemon.detach", DaemonProperties.Detach.values());
		assertHints("daemon.ready-on", DaemonProperties.ReadyOn.values());
		assertHints("daemon.syslog.format", SyslogFormat.values());
		assertThat(values("daemon.syslog.facility")).hasSize(24).startsWith("kern", "user").endsWith("local7");
		List<String> undescribed = this.metadata.read("$.hints[*].values[?(!@.description)].value");
		assertThat(undescribed).isEmpty();
	}

	private void assertHints(String property, Enum<?>[] constants) {
		assertThat(values(property)).containsExactlyInAnyOrderElementsOf(Arrays.stream(constants)
			.map((constant) -> constant.name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.toList());
	}

	private List<String> values(String property) {
		return this.metadata.read("$.hints[?(@.name == '" + property + "')].values[*].value");
	}

	private static DocumentContext metadata() {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonPath.parse(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The build generates the metadata", ex);
		}
	}

}
