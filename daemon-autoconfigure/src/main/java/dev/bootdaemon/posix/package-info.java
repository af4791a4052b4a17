/**
 * Thin libc binding (JNA) for what the JDK cannot do.
 */
@NullMarked
package dev.bootdaemon.posix;

import org.jspecify.annotations.NullMarked;
