package dev.bootdaemon.sample.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.bootdaemon.servicemanager.ServiceHealth;

/**
 * An application for {@code daemon.restart}: no web server, it works until stopped;
 * {@code --restarting.exit-status=N} makes it exit with N half a second after it is ready, only
 * its first time if {@code --restarting.once=FILE} names a file it then makes;
 * {@code --restarting.out-of-memory=true} has it fill its heap instead; it is
 * unhealthy while the file {@code --restarting.down=FILE} exists. It scans no package:
 * the other workers' runners never end.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class RestartingApplication {

	@Bean
	ApplicationListener<ApplicationReadyEvent> exitWhenAsked(Environment environment) {
		return (event) -> {
			Integer status = environment.getProperty("restarting.exit-status", Integer.class);
			boolean outOfMemory = environment.getProperty("restarting.out-of-memory", Boolean.class, false);
			String once = environment.getProperty("restarting.once");
			if ((status == null && !outOfMemory) || (once != null && !firstTime(Path.of(once)))) {
				return;
			}
			if (outOfMemory) {
				new Thread(RestartingApplication::fillTheHeap, "fill").start();
				return;
			}
			// Once the ready event has reached the daemon too.
			new Thread(() -> {
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				System.exit(status);
			}, "exit").start();
		};
	}

	private static void fillTheHeap() {
		List<long[]> heap = new ArrayList<>();
		while (true) {
			heap.add(new long[1 << 20]);
		}
	}

	private static boolean firstTime(Path once) {
		try {
			Files.createFile(once);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Bean
	ServiceHealth downWhileFileExists(Environment environment) {
		String down = environment.getProperty("restarting.down");
		return () -> down == null || !Files.exists(Path.of(down));
	}

	public static void main(String[] args) throws InterruptedException {
		SpringApplication application = new SpringApplication(RestartingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
		Thread.currentThread().join();
	}

}
