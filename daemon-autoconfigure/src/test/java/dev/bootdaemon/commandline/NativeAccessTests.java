package dev.bootdaemon.commandline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NativeAccess}, on the JVM that runs them: Java 17 in the build, Java
 * 25 in the compatibility matrix.
 */
class NativeAccessTests {

	private static final boolean NEEDED = Runtime.version().feature() >= 22;

	@TempDir
	Path directory;

	@Test
	void whenNothingEnablesNativeAccessThenTheDaemonGetsItFromJava22On() throws IOException {
		jar("plain.jar", null);
		assertThat(NativeAccess.options(List.of("java", "-jar", "plain.jar"), this.directory))
			.isEqualTo(NEEDED ? List.of("--enable-native-access=ALL-UNNAMED") : List.of());
		assertThat(NativeAccess.options(List.of("java", "-cp", "plain.jar", "com.example.Main"), this.directory))
			.isEqualTo(NEEDED ? List.of("--enable-native-access=ALL-UNNAMED") : List.of());
	}

	@Test
	void whenTheCommandLineOrTheJarsManifestEnablesItThenNothingIsAdded() throws IOException {
		jar("enabled.jar", "ALL-UNNAMED");
		assertThat(NativeAccess.options(List.of("java", "-jar", "enabled.jar"), this.directory)).isEmpty();
		assertThat(NativeAccess.options(
				List.of("java", "--enable-native-access=my.module,ALL-UNNAMED", "-cp", "x", "com.example.Main"),
				this.directory))
			.isEmpty();
		assertThat(NativeAccess.options(List.of("java", "--enable-native-access", "ALL-UNNAMED", "-jar", "x.jar"),
				this.directory))
			.isEmpty();
	}

	private void jar(String name, String enableNativeAccess) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		if (enableNativeAccess != null) {
			manifest.getMainAttributes().putValue("Enable-Native-Access", enableNativeAccess);
		}
		try (OutputStream out = Files.newOutputStream(this.directory.resolve(name));
				JarOutputStream jar = new JarOutputStream(out, manifest)) {
			jar.flush();
		}
	}

}
