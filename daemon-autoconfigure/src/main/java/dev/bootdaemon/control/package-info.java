/**
 * Operating a running daemon: status and stop.
 */
@NullMarked
package dev.bootdaemon.control;

import org.jspecify.annotations.NullMarked;
