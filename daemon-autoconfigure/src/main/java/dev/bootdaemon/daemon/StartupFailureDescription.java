package dev.bootdaemon.daemon;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

/**
 * Words a startup failure as Spring Boot's failure analysis would, so the launcher can
 * show it in the terminal. The run listener hears of the failure before Boot reports
 * it, so it asks the same analyzers itself.
 */
final class StartupFailureDescription {

	private StartupFailureDescription() {
	}

	static String of(@Nullable ConfigurableApplicationContext context, Throwable failure) {
		FailureAnalysis analysis = analyze(context, failure);
		if (analysis == null) {
			return causes(failure);
		}
		StringBuilder text = new StringBuilder("Description:\n\n").append(analysis.getDescription().strip());
		if (analysis.getAction() != null) {
			text.append("\n\nAction:\n\n").append(analysis.getAction().strip());
		}
		return text.toString();
	}

	private static @Nullable FailureAnalysis analyze(@Nullable ConfigurableApplicationContext context,
			Throwable failure) {
		try {
			ArgumentResolver arguments = (context != null)
					? ArgumentResolver.of(BeanFactory.class, context.getBeanFactory())
						.and(Environment.class, context.getEnvironment())
					: ArgumentResolver.none();
			List<FailureAnalyzer> analyzers = SpringFactoriesLoader
				.forDefaultResourceLocation(StartupFailureDescription.class.getClassLoader())
				.load(FailureAnalyzer.class, arguments, SpringFactoriesLoader.FailureHandler.handleMessage((m, e) -> {
				}));
			for (FailureAnalyzer analyzer : analyzers) {
				FailureAnalysis analysis = analyzer.analyze(failure);
				if (analysis != null) {
					return analysis;
				}
			}
		}
		catch (RuntimeException | LinkageError ex) {
			// Fall back to the exception itself.
		}
		return null;
	}

	private static String causes(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			text.append((cause == failure) ? "" : "\nCaused by: ").append(cause);
		}
		return text.toString();
	}

}
