/**
 * The settings both JVMs share: the {@code daemon.*} properties, the settings resolved
 * from them and from the process (its command line, a service manager), and the checks
 * made before anything is created.
 */
@NullMarked
package dev.bootdaemon.settings;

import org.jspecify.annotations.NullMarked;
