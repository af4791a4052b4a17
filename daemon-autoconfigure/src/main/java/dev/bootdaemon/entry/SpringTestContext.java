package dev.bootdaemon.entry;

/**
 * Tells whether Spring's TestContext framework is starting the application, as it does
 * for {@code @SpringBootTest} and the test slices. Such a context lives in the test's
 * JVM, which must neither detach nor give way to a daemon, so daemon mode stays off there
 * whatever the configuration says: {@code daemon.enabled=true} in
 * {@code application.properties} would otherwise end the test run.
 */
final class SpringTestContext {

	private static final String FRAMEWORK_PACKAGE = "org.springframework.test.context.";

	private SpringTestContext() {
	}

	/**
	 * Tells whether the TestContext framework is on this thread's stack.
	 * @return whether it is starting the application
	 */
	static boolean isStartingApplication() {
		return StackWalker.getInstance()
			.walk((frames) -> frames.anyMatch((frame) -> frame.getClassName().startsWith(FRAMEWORK_PACKAGE)));
	}

}
