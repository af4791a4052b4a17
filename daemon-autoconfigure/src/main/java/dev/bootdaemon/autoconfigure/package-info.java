/**
 * Auto-configuration and properties of daemon mode.
 */
@NullMarked
package dev.bootdaemon.autoconfigure;

import org.jspecify.annotations.NullMarked;
