/**
 * The settings both JVMs share: the {@code daemon.*} properties, the settings resolved
 * from them, the checks made before anything is created, and the handoff from the
 * launching process to the daemon.
 */
@NullMarked
package dev.bootdaemon.settings;

import org.jspecify.annotations.NullMarked;
