/**
 * The launcher and the daemon during a start: the private directory and socket the
 * daemon reports on, the protocol they speak ({@link dev.bootdaemon.startup.Handoff}),
 * each side's end of it, and how the start ended.
 */
@NullMarked
package dev.bootdaemon.startup;

import org.jspecify.annotations.NullMarked;
