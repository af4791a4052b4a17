package dev.bootdaemon.startup;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * A fresh temporary directory only this user can enter, for the startup socket and the
 * output pipes. Closing it removes it with whatever is left in it.
 */
public final class PrivateDirectory implements Closeable {

	private final Path path;

	private PrivateDirectory(Path path) {
		this.path = path;
	}

	/**
	 * Creates a fresh directory only this user can enter.
	 * @return the directory, removed with what it holds on {@link #close()}
	 * @throws IOException if it cannot be created
	 */
	public static PrivateDirectory create() throws IOException {
		return new PrivateDirectory(Files.createTempDirectory("boot-daemon-",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
	}

	/**
	 * Returns where the directory is.
	 * @return its path
	 */
	public Path path() {
		return this.path;
	}

	@Override
	public void close() throws IOException {
		remove(this.path);
	}

	/**
	 * Removes a private directory with what it holds, if it is still there: the daemon
	 * does, once it has attached, so that none is left when its launcher is killed.
	 * @param directory the directory
	 * @throws IOException if it cannot be removed
	 */
	public static void remove(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			for (Path entry : (Iterable<Path>) entries::iterator) {
				Files.deleteIfExists(entry);
			}
		}
		catch (NoSuchFileException ex) {
			return;
		}
		Files.deleteIfExists(directory);
	}

}
