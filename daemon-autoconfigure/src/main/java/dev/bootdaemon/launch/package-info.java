/**
 * The launching process: starts the daemon detached (fork, setsid, fork) with its own
 * command line, waits on a private channel until it is ready, and reports.
 */
@NullMarked
package dev.bootdaemon.launch;

import org.jspecify.annotations.NullMarked;
