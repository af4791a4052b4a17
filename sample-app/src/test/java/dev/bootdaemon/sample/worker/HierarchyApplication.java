package dev.bootdaemon.sample.worker;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/**
 * A context hierarchy as {@link SpringApplicationBuilder} builds it: a parent context,
 * then the worker as its child, each its own {@code SpringApplication} run in one JVM.
 */
public class HierarchyApplication {

	public static void main(String[] args) {
		new SpringApplicationBuilder(Parent.class).web(WebApplicationType.NONE)
			.child(WorkerApplication.class)
			.web(WebApplicationType.NONE)
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	static class Parent {

	}

}
