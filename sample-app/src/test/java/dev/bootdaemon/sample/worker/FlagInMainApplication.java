package dev.bootdaemon.sample.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * The worker, with a {@code main()} that asks for daemon mode itself: the arguments it
 * passes say so, the JVM's command line does not.
 */
public class FlagInMainApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(WorkerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run("--daemon.enabled=true", "--daemon.ready-on=started");
	}

}
