/**
 * Where the daemon's standard output and standard error go.
 */
@NullMarked
package dev.bootdaemon.output;

import org.jspecify.annotations.NullMarked;
