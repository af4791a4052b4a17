/**
 * Forwarding the daemon's standard output and standard error to syslog.
 */
@NullMarked
package dev.bootdaemon.syslog;

import org.jspecify.annotations.NullMarked;
