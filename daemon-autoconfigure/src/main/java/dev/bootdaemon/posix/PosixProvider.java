package dev.bootdaemon.posix;

import org.springframework.util.ClassUtils;

/**
 * Picks the libc binding, failing with a clear message where there is none.
 */
final class PosixProvider {

	private static final String JNA_CLASS = "com.sun.jna.Native";

	private PosixProvider() {
	}

	static void checkPlatform() {
		String os = System.getProperty("os.name");
		if (!"Linux".equals(os)) {
			throw new UnsupportedPlatformException("daemon mode is supported on Linux only, not on " + os);
		}
	}

	static Posix load() {
		checkPlatform();
		if (!ClassUtils.isPresent(JNA_CLASS, PosixProvider.class.getClassLoader())) {
			throw new UnsupportedPlatformException(
					"daemon mode needs JNA on the classpath: depend on daemon-spring-boot-starter, "
							+ "or add net.java.dev.jna:jna");
		}
		try {
			return new JnaPosix();
		}
		catch (LinkageError ex) {
			throw new UnsupportedPlatformException("cannot load libc through JNA: " + ex.getMessage(), ex);
		}
	}

}
