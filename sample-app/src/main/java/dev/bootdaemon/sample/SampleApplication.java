package dev.bootdaemon.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Small web application that runs as a daemon with {@code --daemon.enabled=true}.
 * Besides its greeting it can write to its output on request, to show where a daemon's
 * output goes: {@code /say?text=hi&times=3} prints to standard output,
 * {@code /say?text=hi&level=ERROR} logs, and {@code --sample.print-lines=N} prints N
 * numbered lines at startup and logs how long that took.
 */
@SpringBootApplication
@RestController
public class SampleApplication {

	private static final Log logger = LogFactory.getLog(SampleApplication.class);

	@GetMapping("/")
	String hello() {
		return "Hello from a daemon\n";
	}

	@GetMapping("/say")
	String say(@RequestParam String text, @RequestParam(defaultValue = "1") int times,
			@RequestParam(required = false) String level) {
		for (int i = 0; i < times; i++) {
			if (level == null) {
				System.out.println(text);
			}
			else if (level.equals("ERROR")) {
				logger.error(text, new IllegalStateException(text));
			}
			else {
				logger.warn(text);
			}
		}
		return "said " + times + "\n";
	}

	@Bean
	@ConditionalOnProperty("sample.print-lines")
	ApplicationRunner printLines(@Value("${sample.print-lines}") int lines) {
		return (args) -> {
			long start = System.nanoTime();
			for (int i = 1; i <= lines; i++) {
				System.out.println("line " + i);
			}
			logger.info("Printed " + lines + " lines in " + (System.nanoTime() - start) / 1_000_000 + " ms");
		};
	}

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
