package dev.bootdaemon.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import dev.bootdaemon.daemon.DaemonRuntime;

/**
 * Adds a {@code daemon} section to Actuator's {@code info} endpoint: mode, pid, pidfile,
 * output, lines syslog could not take and, when root was dropped, the user.
 */
public class DaemonInfoContributor implements InfoContributor {

	private final DaemonRuntime runtime;

	DaemonInfoContributor(DaemonRuntime runtime) {
		this.runtime = runtime;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> daemon = new LinkedHashMap<>();
		daemon.put("mode", this.runtime.mode().name().toLowerCase(Locale.ROOT));
		daemon.put("pid", this.runtime.pid());
		daemon.put("pidFile", this.runtime.pidFile().toString());
		daemon.put("output", this.runtime.output());
		this.runtime.droppedLines().ifPresent((dropped) -> daemon.put("droppedLines", dropped));
		if (this.runtime.user() != null) {
			daemon.put("user", this.runtime.user());
		}
		builder.withDetail("daemon", daemon);
	}

}
