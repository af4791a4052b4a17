package dev.bootdaemon.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Small web application that runs as a daemon with {@code --daemon.enabled=true}.
 */
@SpringBootApplication
@RestController
public class SampleApplication {

	@GetMapping("/")
	String hello() {
		return "Hello from a daemon\n";
	}

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
