/**
 * The daemon's own supervisor, for {@code daemon.restart}: the shell script that starts
 * the daemon again after a failure or a hang, and the daemon's side of it (what the
 * supervisor tells it, the heartbeat it sends).
 */
@NullMarked
package dev.bootdaemon.supervisor;

import org.jspecify.annotations.NullMarked;
