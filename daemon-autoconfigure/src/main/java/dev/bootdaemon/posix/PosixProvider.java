package dev.bootdaemon.posix;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The libc binding of this platform: one instance for the process, failing with a
 * clear message where there is none.
 */
public final class PosixProvider {

	private static final String JNA_CLASS = "com.sun.jna.Native";

	private PosixProvider() {
	}

	/**
	 * Checks that daemon mode can run on this platform, before anything else is done.
	 * @throws UnsupportedPlatformException if this is not Linux
	 */
	public static void checkPlatform() {
		String os = System.getProperty("os.name");
		if (!"Linux".equals(os)) {
			throw new UnsupportedPlatformException("daemon mode is supported on Linux only, not on " + os);
		}
	}

	/**
	 * Returns the libc binding of this platform, the same instance each time.
	 * @return the binding; JNA loads on its first call
	 * @throws UnsupportedPlatformException if this is not Linux or JNA is missing
	 */
	public static Posix posix() {
		checkPlatform();
		if (!ClassUtils.isPresent(JNA_CLASS, PosixProvider.class.getClassLoader())) {
			throw new UnsupportedPlatformException(
					"daemon mode needs JNA on the classpath: depend on daemon-spring-boot-starter, "
							+ "or add net.java.dev.jna:jna");
		}
		return Instance.POSIX;
	}

	// Made on first use: a holder class, initialised once by the JVM.
	private static final class Instance {

		static final Posix POSIX = lazily();

	}

	// JNA loads its native library only on the first call, so that a launcher which
	// needs no libc call never loads it (on Java 24 and later the JVM warns on the
	// terminal when a library is loaded without native access enabled).
	private static Posix lazily() {
		AtomicReference<@Nullable Posix> loaded = new AtomicReference<>();
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getDeclaringClass() == Object.class) {
				return method.invoke(loaded, args);
			}
			Posix posix = loaded.updateAndGet((current) -> (current != null) ? current : jna());
			try {
				return method.invoke(posix, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return (Posix) Proxy.newProxyInstance(Posix.class.getClassLoader(), new Class<?>[] { Posix.class }, handler);
	}

	private static Posix jna() {
		try {
			return new JnaPosix();
		}
		catch (IllegalCallerException ex) {
			throw nativeAccessDenied(ex);
		}
		catch (LinkageError ex) {
			if (ex.getCause() instanceof IllegalCallerException denied) {
				throw nativeAccessDenied(denied);
			}
			throw new UnsupportedPlatformException("cannot load libc through JNA: " + ex.getMessage(), ex);
		}
	}

	// --illegal-native-access=deny, or a future JDK's default.
	private static UnsupportedPlatformException nativeAccessDenied(IllegalCallerException ex) {
		return new UnsupportedPlatformException("this JVM denies JNA native access (" + ex.getMessage()
				+ "); add --enable-native-access=ALL-UNNAMED to its options, as the launcher does for a daemon it "
				+ "starts", ex);
	}

}
