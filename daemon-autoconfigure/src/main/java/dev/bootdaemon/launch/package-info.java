/**
 * Starting the daemon: the launching process, the detached process and the channel
 * between them.
 */
@NullMarked
package dev.bootdaemon.launch;

import org.jspecify.annotations.NullMarked;
