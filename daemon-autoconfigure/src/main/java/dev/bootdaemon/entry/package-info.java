/**
 * Where Spring Boot hands over to daemon mode: decides, from the configuration, what this
 * process does (start detached, become the daemon in the foreground, stop, report
 * status) and drives the daemon through Spring Boot's run listener callbacks.
 */
@NullMarked
package dev.bootdaemon.entry;

import org.jspecify.annotations.NullMarked;
