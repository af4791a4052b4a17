package dev.bootdaemon.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JavaCommand}.
 */
class JavaCommandTests {

	private static final String JAVA = "/usr/lib/jvm/java/bin/java";

	private static final List<String> MARKER = List.of("-Dmarker=1");

	@TempDir
	Path launchDirectory;

	@BeforeEach
	void files() throws IOException {
		Files.createDirectories(this.launchDirectory.resolve("config"));
		Files.writeString(this.launchDirectory.resolve("app.jar"), "");
		Files.writeString(this.launchDirectory.resolve("input.csv"), "");
	}

	@Test
	void whenLaunchedWithAJarThenJarAndOptionsAreKeptAndJarMadeAbsolute() {
		assertThat(relocate("java", "-Xmx64m", "-Dspring.profiles.active=prod", "-jar", "app.jar", "--server.port=0"))
			.containsExactly(JAVA, "-Dmarker=1", "-Xmx64m", "-Dspring.profiles.active=prod", "-jar", path("app.jar"),
					"--server.port=0");
	}

	@Test
	void whenLaunchedWithAClassPathThenEachEntryIsMadeAbsolute() {
		assertThat(relocate("java", "-cp", "classes:lib/*:/opt/x.jar", "com.example.Main", "arg"))
			.containsExactly(JAVA, "-Dmarker=1", "-cp", path("classes") + ":" + path("lib/*") + ":/opt/x.jar",
					"com.example.Main", "arg");
		assertThat(relocate("java", "--class-path=classes", "com.example.Main")).contains("--class-path=" + path("classes"));
	}

	@Test
	void whenPathOptionsAreRelativeThenTheyAreMadeAbsolute() {
		assertThat(relocate("java", "-javaagent:agent.jar=verbose", "-agentpath:lib/a.so", "-Xlog:gc*:file=gc.log:time",
				"-XX:HeapDumpPath=dumps", "-XX:StartFlightRecording=duration=30s,filename=rec.jfr", "@args.txt", "-jar",
				"app.jar"))
			.containsExactly(JAVA, "-Dmarker=1", "-javaagent:" + path("agent.jar") + "=verbose",
					"-agentpath:" + path("lib/a.so"), "-Xlog:gc*:file=" + path("gc.log") + ":time",
					"-XX:HeapDumpPath=" + path("dumps"),
					"-XX:StartFlightRecording=duration=30s,filename=" + path("rec.jfr"), "@" + path("args.txt"), "-jar",
					path("app.jar"));
	}

	@Test
	void whenArgumentsNameExistingFilesThenTheyAreMadeAbsolute() {
		assertThat(relocate("java", "-Dimport=input.csv", "-Dmode=fast", "-jar", "app.jar",
				"--spring.config.location=optional:file:config/,classpath:/x/,config", "--missing=nothing.txt", "input.csv",
				"-v", "--flag", "."))
			.containsExactly(JAVA, "-Dmarker=1", "-Dimport=" + path("input.csv"), "-Dmode=fast", "-jar", path("app.jar"),
					"--spring.config.location=optional:file:" + path("config") + "/,classpath:/x/," + path("config"),
					"--missing=nothing.txt", path("input.csv"), "-v", "--flag", this.launchDirectory.toString());
	}

	@Test
	void whenLaunchedWithAModuleThenModulePathIsMadeAbsoluteAndArgumentsFollow() {
		assertThat(relocate("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-p", "mods", "-m",
				"app/com.example.Main", "input.csv"))
			.containsExactly(JAVA, "-Dmarker=1", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-p", path("mods"),
					"-m", "app/com.example.Main", path("input.csv"));
	}

	@Test
	void whenReadFromProcThenTheCommandLineOfThisJvmIsReturned() throws IOException {
		List<String> current = JavaCommand.current();
		assertThat(current).isNotEmpty();
		assertThat(ProcessHandle.current().info().arguments().map(List::of))
			.hasValueSatisfying((arguments) -> assertThat(current.subList(1, current.size())).isEqualTo(arguments));
	}

	private List<String> relocate(String... commandLine) {
		return JavaCommand.relocate(List.of(commandLine), JAVA, this.launchDirectory, MARKER);
	}

	private String path(String relative) {
		return this.launchDirectory.resolve(relative).toString();
	}

}
