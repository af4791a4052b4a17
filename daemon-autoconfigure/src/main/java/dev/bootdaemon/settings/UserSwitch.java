package dev.bootdaemon.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.Posix.Account;
import dev.bootdaemon.posix.ProcFiles;

/**
 * Dropping root for {@code daemon.user} and {@code daemon.group}, checked before
 * detaching. The daemon's own files are handed to the user first, so that it can still
 * reopen its output and remove its pidfile.
 */
public final class UserSwitch {

	private final String user;

	private final int uid;

	private final int gid;

	private UserSwitch(String user, int uid, int gid) {
		this.user = user;
		this.uid = uid;
		this.gid = gid;
	}

	/**
	 * Checks {@code daemon.user} and {@code daemon.group} against the user database.
	 * @param settings the settings
	 * @param posix the libc binding
	 * @return the switch to make once started, or {@code null} if none is wanted
	 * @throws InvalidDaemonPropertyException naming the property that cannot work
	 */
	public static @Nullable UserSwitch of(DaemonSettings settings, Posix posix) {
		String user = settings.user();
		String group = settings.group();
		if (user == null) {
			if (group != null) {
				throw new InvalidDaemonPropertyException("daemon.group", group, "needs daemon.user to be set too");
			}
			return null;
		}
		Account account = posix.user(user);
		if (account == null) {
			throw new InvalidDaemonPropertyException("daemon.user", user, "no such user");
		}
		Integer gid = (group != null) ? posix.group(group) : Integer.valueOf(account.gid());
		if (gid == null) {
			throw new InvalidDaemonPropertyException("daemon.group", group, "no such group");
		}
		int euid = posix.effectiveUserId();
		if (euid == account.uid() && ProcFiles.effectiveGroupId() == gid) {
			// Started as the user already, as a unit's User= and Group= do.
			return null;
		}
		if (euid != 0) {
			throw new InvalidDaemonPropertyException("daemon.user", user,
					"switching user needs root, but this process runs as uid " + euid);
		}
		return new UserSwitch(user, account.uid(), gid);
	}

	/**
	 * Returns the user name.
	 * @return the user
	 */
	public String user() {
		return this.user;
	}

	/**
	 * Hands the daemon's files to the user, then switches the whole process to it.
	 * @param posix the libc binding
	 * @param files the open pidfile and output file, by their {@code /proc/self/fd}
	 * names: a name in a directory the user can write could meanwhile be a link to a
	 * root file
	 */
	public void apply(Posix posix, List<Path> files) {
		for (Path file : files) {
			try {
				Files.setAttribute(file, "unix:uid", this.uid);
				Files.setAttribute(file, "unix:gid", this.gid);
			}
			catch (IOException ex) {
				throw new DaemonStartException("Cannot hand " + file + " to user " + this.user + ": " + ex, ex);
			}
		}
		posix.switchUser(this.user, this.uid, this.gid);
	}

	@Override
	public String toString() {
		return this.user + " (uid " + this.uid + ", gid " + this.gid + ")";
	}

}
