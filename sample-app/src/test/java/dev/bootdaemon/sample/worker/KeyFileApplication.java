package dev.bootdaemon.sample.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.SpringApplication;

/**
 * A worker whose {@code main()} reads a file relative to its working directory before
 * Spring Boot starts, as some real ones do: in the foreground it runs, as a daemon, whose
 * working directory is {@code /}, it dies before it reads its configuration.
 */
public class KeyFileApplication {

	public static void main(String[] args) throws IOException {
		System.out.println("Reading the key from " + Path.of("worker.key").toAbsolutePath());
		Files.readString(Path.of("worker.key"));
		SpringApplication.run(WorkerApplication.class, args);
	}

}
