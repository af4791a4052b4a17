/**
 * The JVM's command line: read as byte strings, where its main jar, module or class and
 * its class path are, and rebuilt to run the same way from another directory.
 */
@NullMarked
package dev.bootdaemon.commandline;

import org.jspecify.annotations.NullMarked;
