package dev.bootdaemon.settings;

import org.jspecify.annotations.Nullable;

import dev.bootdaemon.posix.Posix;
import dev.bootdaemon.posix.Posix.Account;
import dev.bootdaemon.posix.ProcFiles;

/**
 * The user and group to drop root for, from {@code daemon.user} and {@code daemon.group},
 * checked against the user database before detaching. The daemon makes the switch.
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
		int euid = ProcFiles.effectiveUserId();
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
	 * Returns the user id.
	 * @return the uid
	 */
	public int uid() {
		return this.uid;
	}

	/**
	 * Returns the group id.
	 * @return the gid
	 */
	public int gid() {
		return this.gid;
	}

	@Override
	public String toString() {
		return this.user + " (uid " + this.uid + ", gid " + this.gid + ")";
	}

}
