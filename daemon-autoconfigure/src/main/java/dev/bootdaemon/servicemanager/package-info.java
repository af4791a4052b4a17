/**
 * Living under a service manager: telling whether one runs this process (systemd,
 * supervisord, runit, s6, daemontools, OpenRC, a container's init), systemd's
 * notifications and inherited sockets, and the files written for them (a systemd unit,
 * a logrotate stanza).
 */
@NullMarked
package dev.bootdaemon.servicemanager;

import org.jspecify.annotations.NullMarked;
