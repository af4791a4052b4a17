package dev.bootdaemon.sample.worker;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A worker that is not the sample app's shape, as many real ones are: no web server, no
 * {@code spring.application.name}, a {@code main()} that does not pass its arguments on,
 * and a runner that works until the process is stopped.
 */
@SpringBootApplication
public class WorkerApplication {

	@Bean
	ApplicationRunner work() {
		return (args) -> {
			System.out.println("Worker started working");
			while (true) {
				Thread.sleep(1000);
			}
		};
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(WorkerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run();
	}

}
