package dev.persistedops.observability;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.persistedops.store.DocumentReloadListener;
import dev.persistedops.store.DocumentReloader;

import org.springframework.util.Assert;

/**
 * Counts reloads of file and manifest stores as {@value #METER}, tagged {@code outcome}:
 * {@code reloaded}, or {@code failed} (the previous documents are still served, which
 * only this count and a log line show). Looks that found nothing changed are not counted.
 */
public final class DocumentReloadMetrics implements DocumentReloadListener {

	/** The name of the counter. */
	public static final String METER = "persisted.operations.reloads";

	private final Map<DocumentReloader.Outcome, Counter> counters = new EnumMap<>(DocumentReloader.Outcome.class);

	public DocumentReloadMetrics(MeterRegistry registry) {
		Assert.notNull(registry, "registry is required");
		for (DocumentReloader.Outcome outcome : new DocumentReloader.Outcome[] { DocumentReloader.Outcome.RELOADED,
				DocumentReloader.Outcome.FAILED }) {
			this.counters.put(outcome,
					Counter.builder(METER)
						.description("Reloads of the documents of a file or manifest store")
						.tag("outcome", outcome.name().toLowerCase())
						.register(registry));
		}
	}

	@Override
	public void onReload(DocumentReloader.Outcome outcome) {
		Counter counter = this.counters.get(outcome);
		if (counter != null) {
			counter.increment();
		}
	}

}
