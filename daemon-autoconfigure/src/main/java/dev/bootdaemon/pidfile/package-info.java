/**
 * Atomic, locked pidfile.
 */
@NullMarked
package dev.bootdaemon.pidfile;

import org.jspecify.annotations.NullMarked;
