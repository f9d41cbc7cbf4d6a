package dev.persistedops.store;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;

import org.springframework.util.Assert;

/**
 * A store that reads from a primary store first and from a writable one second, and
 * writes only to the second: documents registered at run time next to documents deployed
 * with the application.
 */
public class LayeredOperationDocumentStore implements WritableOperationDocumentStore {

	private final OperationDocumentStore primary;

	private final WritableOperationDocumentStore registrations;

	public LayeredOperationDocumentStore(OperationDocumentStore primary, WritableOperationDocumentStore registrations) {
		Assert.notNull(primary, "primary is required");
		Assert.notNull(registrations, "registrations is required");
		this.primary = primary;
		this.registrations = registrations;
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		Mono<String> primary = this.primary.findDocument(id);
		ImmediateAnswer<String> answer = ImmediateAnswer.of(primary);
		if (answer != null) {
			return (answer.value() != null) ? primary : this.registrations.findDocument(id);
		}
		return primary.switchIfEmpty(Mono.defer(() -> this.registrations.findDocument(id)));
	}

	/**
	 * Save into the writable store, unless the primary store already answers the id: then
	 * the same text is unchanged and a different one a conflict, since lookups would find
	 * the primary's document.
	 */
	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		return this.primary.findDocument(id)
			.map((stored) -> stored.equals(text) ? SaveOutcome.UNCHANGED : SaveOutcome.CONFLICT)
			.switchIfEmpty(Mono.defer(() -> this.registrations.save(id, text, timeToLive)));
	}

}
