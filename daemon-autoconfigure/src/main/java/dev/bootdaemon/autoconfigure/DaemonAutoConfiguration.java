package dev.bootdaemon.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Auto-configuration of daemon mode. The detaching
 * itself happens earlier, in a run listener; this exposes the settings it used to the
 * application.
 *
 * @see DaemonProperties
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("daemon.enabled")
@EnableConfigurationProperties(DaemonProperties.class)
public final class DaemonAutoConfiguration {

}
