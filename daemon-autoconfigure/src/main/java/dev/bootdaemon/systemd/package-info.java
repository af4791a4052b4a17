/**
 * systemd's readiness and watchdog notifications.
 */
@NullMarked
package dev.bootdaemon.systemd;

import org.jspecify.annotations.NullMarked;
