package dev.bootdaemon.posix;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The files the starter writes, possibly as root, in a directory that another user may
 * write (a service account's log directory): never reached through a symbolic link in
 * the last component ({@code O_NOFOLLOW}), and checked once open, through the
 * descriptor and not the path: a regular file must have no other name (a hard link to
 * a root file) and, for root, belong to root or to the user the daemon runs as. Java
 * only, so that the launcher need not load JNA for it.
 */
public final class TrustedFiles {

	/**
	 * Why a symbolic link is refused, in the words of every refusal.
	 */
	public static final String SYMBOLIC_LINK = "is a symbolic link; refusing to follow it";

	private static final int S_IFMT = 0170000;

	private static final int S_IFREG = 0100000;

	private TrustedFiles() {
	}

	/**
	 * Opens a file for appending, creating it with exactly the given mode if missing.
	 * @param file the file
	 * @param mode permission bits of a new file, whatever the umask
	 * @param user the user the daemon switches to, whose file root may append to, or
	 * {@code null}
	 * @return the open file
	 * @throws IOException if it cannot be opened or is not to be trusted
	 */
	public static OpenFile openForAppend(Path file, Set<PosixFilePermission> mode, @Nullable String user)
			throws IOException {
		FileChannel channel;
		boolean created = true;
		try {
			channel = open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND);
		}
		catch (FileAlreadyExistsException ex) {
			channel = open(file, StandardOpenOption.APPEND);
			created = false;
		}
		try {
			OpenFile open = new OpenFile(channel, ProcFiles.descriptorOf(file));
			if (created) {
				// Through the descriptor: the launcher's umask must not narrow the mode.
				Files.setPosixFilePermissions(open.ownPath(), mode);
			}
			check(open.ownPath(), file, user);
			return open;
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/**
	 * Opens a file for appending through libc, for this process's own descriptors (the
	 * daemon's output, opened again after a rotation), as {@link #openForAppend(Path, Set,
	 * String)} does in Java.
	 * @param posix the libc binding
	 * @param file the file
	 * @param mode permission bits of a new file
	 * @param user the user the daemon switches to, or {@code null}
	 * @return the file descriptor, close-on-exec
	 * @throws IOException if it cannot be opened or is not to be trusted
	 */
	public static int openForAppend(Posix posix, Path file, int mode, @Nullable String user) throws IOException {
		int fd;
		try {
			fd = posix.openForAppend(file, mode);
		}
		catch (PosixException ex) {
			if (Files.isSymbolicLink(file)) {
				throw new FileSystemException(file.toString(), null, SYMBOLIC_LINK);
			}
			throw ex;
		}
		try {
			check(ProcFiles.ownPath(fd), file, user);
			return fd;
		}
		catch (IOException | RuntimeException ex) {
			posix.close(fd);
			throw ex;
		}
	}

	/**
	 * Creates a small file with its content, failing if the name exists.
	 * @param file the file
	 * @param content what it holds
	 * @param mode its permission bits, whatever the umask
	 * @throws IOException if it cannot be created
	 */
	public static void create(Path file, byte[] content, String mode) throws IOException {
		create(file, content, mode, null);
	}

	private static void create(Path file, byte[] content, String mode, @Nullable String owner) throws IOException {
		try (FileChannel channel = open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			Path own = ProcFiles.ownPath(ProcFiles.descriptorOf(file));
			Files.setPosixFilePermissions(own, PosixFilePermissions.fromString(mode));
			if (owner != null) {
				Files.setOwner(own, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner));
			}
			channel.write(ByteBuffer.wrap(content));
		}
	}

	/**
	 * Replaces a small file with new content: the old name is removed (never followed)
	 * and a new file created in its place.
	 * @param file the file
	 * @param content what it holds
	 * @param mode its permission bits, whatever the umask
	 * @param owner the user it is to belong to, or {@code null} for this process's
	 * @throws IOException if it cannot be written
	 */
	public static void replace(Path file, byte[] content, String mode, @Nullable String owner) throws IOException {
		Files.deleteIfExists(file);
		create(file, content, mode, owner);
	}

	/**
	 * Checks what a descriptor of this process refers to.
	 * @param descriptor {@code /proc/self/fd/N} of the open file
	 * @param file the name it was opened by, for the message
	 * @param user the user the daemon switches to, or {@code null}
	 * @throws FileSystemException if the file is not to be trusted
	 */
	public static void check(Path descriptor, Path file, @Nullable String user) throws IOException {
		Map<String, Object> attributes = Files.readAttributes(descriptor, "unix:mode,nlink,uid");
		String problem = problem((Integer) attributes.get("mode"), (Integer) attributes.get("nlink"),
				(Integer) attributes.get("uid"), Files.getOwner(descriptor).getName(), user);
		if (problem != null) {
			throw new FileSystemException(file.toString(), null, problem);
		}
	}

	/**
	 * Tells whether a user or group other than root can write a directory: it is not
	 * root's, or a group other than root's or everyone may write it.
	 * @param directory the directory
	 * @return whether someone other than root can write it
	 * @throws IOException if its attributes cannot be read
	 */
	public static boolean othersThanRootWrite(Path directory) throws IOException {
		Map<String, Object> ids = Files.readAttributes(directory, "unix:uid,gid,mode");
		int mode = (Integer) ids.get("mode");
		return (Integer) ids.get("uid") != 0 || ((mode & 0020) != 0 && (Integer) ids.get("gid") != 0)
				|| (mode & 0002) != 0;
	}

	/**
	 * Tells why an existing file is not to be written as this process, before it is
	 * opened, so that the launcher can name the property.
	 * @param file the file
	 * @param user the user the daemon switches to, or {@code null}
	 * @return why not, or {@code null} if it may be written or does not exist
	 */
	public static @Nullable String problem(Path file, @Nullable String user) {
		try {
			if (Files.isSymbolicLink(file)) {
				return SYMBOLIC_LINK;
			}
			Map<String, Object> attributes = Files.readAttributes(file, "unix:mode,nlink,uid",
					LinkOption.NOFOLLOW_LINKS);
			return problem((Integer) attributes.get("mode"), (Integer) attributes.get("nlink"),
					(Integer) attributes.get("uid"), Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName(), user);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static @Nullable String problem(int mode, int links, int uid, String owner, @Nullable String user) {
		if ((mode & S_IFMT) == S_IFREG && links > 1) {
			return "has " + links + " names (hard links); refusing to write to a file that is also elsewhere";
		}
		if (ProcFiles.effectiveUserId() == 0 && uid != 0 && !owner.equals(user)) {
			return "belongs to " + owner + ", not to root" + ((user != null) ? " or " + user : "")
					+ "; root does not write to another user's file (chown it, or remove it)";
		}
		return null;
	}

	private static FileChannel open(Path file, OpenOption... options) throws IOException {
		Set<OpenOption> all = new HashSet<>(Set.of(options));
		all.add(LinkOption.NOFOLLOW_LINKS);
		all.add(StandardOpenOption.WRITE);
		try {
			return FileChannel.open(file, all);
		}
		catch (FileSystemException ex) {
			if (Files.isSymbolicLink(file)) {
				throw new FileSystemException(file.toString(), null, SYMBOLIC_LINK);
			}
			throw ex;
		}
	}

	/**
	 * A file open in this process.
	 *
	 * @param channel the channel, to close once the file is handed on
	 * @param fd its descriptor number
	 */
	public record OpenFile(FileChannel channel, int fd) implements Closeable {

		/**
		 * Returns the name of the open file in this process's {@code /proc} directory, by
		 * its pid, for a child to open the very same file.
		 * @return {@code /proc/PID/fd/N}
		 */
		public Path procPath() {
			return Path.of("/proc", Long.toString(ProcessHandle.current().pid()), "fd", Integer.toString(this.fd));
		}

		Path ownPath() {
			return ProcFiles.ownPath(this.fd);
		}

		@Override
		public void close() throws IOException {
			this.channel.close();
		}

	}

}
