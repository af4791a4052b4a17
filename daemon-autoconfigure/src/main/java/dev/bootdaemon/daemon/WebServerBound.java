package dev.bootdaemon.daemon;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The moment the daemon's own web server has bound its port: the earliest a daemon
 * started as root can drop it. Apart, so that its event's class is loaded only where
 * Spring Boot's web server module is.
 */
final class WebServerBound implements ApplicationListener<WebServerInitializedEvent> {

	private static final String EVENT = "org.springframework.boot.web.server.context.WebServerInitializedEvent";

	private final ApplicationContext context;

	private final Runnable action;

	private WebServerBound(ApplicationContext context, Runnable action) {
		this.context = context;
		this.action = action;
	}

	/**
	 * Runs an action once the context's own web server has started, if it has one.
	 * @param context the daemon's context
	 * @param action what to run, on the thread that started the server
	 */
	static void register(ConfigurableApplicationContext context, Runnable action) {
		if (ClassUtils.isPresent(EVENT, WebServerBound.class.getClassLoader())) {
			context.addApplicationListener(new WebServerBound(context, action));
		}
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext() == this.context) {
			this.action.run();
		}
	}

}
