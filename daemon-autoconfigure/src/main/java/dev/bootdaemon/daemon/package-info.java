/**
 * The daemon's own process, detached or in the foreground: attaches (pidfile, output,
 * signals), reports its start, runs, and stops in one ordered sequence.
 */
@NullMarked
package dev.bootdaemon.daemon;

import org.jspecify.annotations.NullMarked;
