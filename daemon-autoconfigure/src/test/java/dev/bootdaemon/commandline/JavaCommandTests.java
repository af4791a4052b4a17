package dev.bootdaemon.commandline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
	void whenArgumentsAreNotPathsByDefinitionThenTheyAreKeptEvenIfAFileHasTheirName() {
		assertThat(relocate("java", "-Dimport=input.csv", "-Dmode=fast", "-jar", "app.jar",
				"--spring.profiles.active=config", "--spring.application.name=app.jar", "input.csv", "-v", "--flag",
				"", "config"))
			.containsExactly(JAVA, "-Dmarker=1", "-Dimport=input.csv", "-Dmode=fast", "-jar", path("app.jar"),
					"--spring.profiles.active=config", "--spring.application.name=app.jar", "input.csv", "-v",
					"--flag", "", "config");
	}

	@Test
	void whenValuesAreWrittenAsRelativePathsThenTheyAreMadeAbsolute() {
		assertThat(relocate("java", "-Dimport=./input.csv", "-jar", "app.jar", "--data=../data,./x", "./input.csv",
				"."))
			.containsExactly(JAVA, "-Dmarker=1", "-Dimport=" + path("input.csv"), "-jar", path("app.jar"),
					"--data=" + this.launchDirectory.getParent().resolve("data") + "," + path("x"), path("input.csv"),
					this.launchDirectory.toString());
	}

	@Test
	void whenPropertiesArePathsByDefinitionThenRelativeOnesAreMadeAbsolute() {
		assertThat(relocate("java", "-Dlogging.file.name=logs/app.log", "-Dloader.path=lib,/opt/lib", "-jar",
				"app.jar", "--spring.config.location=optional:file:config/,classpath:/x/,config",
				"--spring.config.import=optional:file:extra.yml,configserver:http://x,classpath:a.yml,b.yml",
				"--spring.config.additional-location=extra/", "--logging.config=classpath:logback.xml",
				"--spring.pid.file=app.pid", "--daemon.pid-file=run/app.pid", "--daemon.output-file=/var/log/app.out",
				"--daemon.workingDirectory=."))
			.containsExactly(JAVA, "-Dmarker=1", "-Dlogging.file.name=" + path("logs/app.log"),
					"-Dloader.path=" + path("lib") + ",/opt/lib", "-jar", path("app.jar"),
					"--spring.config.location=optional:file:" + path("config") + "/,classpath:/x/," + path("config"),
					"--spring.config.import=optional:file:" + path("extra.yml") + ",configserver:http://x,classpath:a.yml,"
							+ path("b.yml"),
					"--spring.config.additional-location=" + path("extra") + "/", "--logging.config=classpath:logback.xml",
					"--spring.pid.file=" + path("app.pid"), "--daemon.pid-file=" + path("run/app.pid"),
					"--daemon.output-file=/var/log/app.out", "--daemon.workingDirectory=" + this.launchDirectory);
	}

	@Test
	void whenJvmFileOptionsAreRelativeThenTheyAreMadeAbsolute() {
		assertThat(relocate("java", "-XX:AOTCache=app.aot", "-XX:AOTCacheOutput=out.aot",
				"-XX:AOTConfiguration=app.aotconf", "-XX:SharedArchiveFile=app.jsa", "-XX:+UseSerialGC", "-jar",
				"app.jar"))
			.containsExactly(JAVA, "-Dmarker=1", "-XX:AOTCache=" + path("app.aot"),
					"-XX:AOTCacheOutput=" + path("out.aot"), "-XX:AOTConfiguration=" + path("app.aotconf"),
					"-XX:SharedArchiveFile=" + path("app.jsa"), "-XX:+UseSerialGC", "-jar", path("app.jar"));
	}

	@Test
	void whenArgumentsHoldBytesThePlatformCannotDecodeThenTheyAreKeptByteForByte() {
		byte[] cmdline = "java\0-jar\0app.jar\0--u=h\u00c3\u00a9llo\0\0".getBytes(StandardCharsets.ISO_8859_1);
		List<String> parsed = CommandLine.parse(cmdline);
		assertThat(parsed).containsExactly("java", "-jar", "app.jar", "--u=h\u00c3\u00a9llo", "");
		assertThat(JavaCommand.relocate(parsed, JAVA, this.launchDirectory, MARKER)).endsWith("--u=h\u00c3\u00a9llo", "");
		assertThat(CommandLine.applicationArguments(parsed)).containsExactly("--u=h\u00c3\u00a9llo", "");
	}

	@Test
	void whenAClassPathVariableIsRelativeThenItsEntriesAreMadeAbsolute() {
		assertThat(JavaCommand.absoluteClassPath("app.jar:lib/../x.jar::/opt/y.jar", this.launchDirectory))
			.isEqualTo(path("app.jar") + ":" + path("x.jar") + "::/opt/y.jar");
	}

	@Test
	void whenQuotedForTheShellThenQuotesSurvive() {
		assertThat(JavaCommand.shellQuoted("it's")).isEqualTo("'it'\\''s'");
	}

	@Test
	void whenLaunchedWithAModuleThenModulePathIsMadeAbsoluteAndArgumentsFollow() {
		assertThat(relocate("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-p", "mods", "-m",
				"app/com.example.Main", "./input.csv"))
			.containsExactly(JAVA, "-Dmarker=1", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-p", path("mods"),
					"-m", "app/com.example.Main", path("input.csv"));
	}

	@Test
	void whenReadFromProcThenTheCommandLineOfThisJvmIsReturned() throws IOException {
		List<String> current = CommandLine.current();
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
