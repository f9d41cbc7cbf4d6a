package dev.persistedops.observability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.ListableOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.Assert;

/**
 * The Actuator endpoint {@code persistedoperations}: the stored operations with where
 * they came from and how they were used on this instance, and one operation with its
 * text. It shows only stored documents, never a document a client sent.
 * <p>
 * A store that can list its documents (files, manifests) lists all of them, read afresh
 * on every call. Redis and Azure Blob cannot be listed: for them the endpoint lists the
 * operations this instance ran or saw registered since it started.
 */
@Endpoint(id = "persistedoperations")
public class PersistedOperationsEndpoint {

	private final String source;

	private final OperationDocumentStore store;

	private final OperationDocumentStore lookups;

	private final OperationUsage usage;

	private final Duration timeout;

	/**
	 * Create the endpoint.
	 * @param source where the configured store's documents come from ({@code file},
	 * {@code manifest}, {@code memory}, {@code redis}, {@code azure-blob}, or
	 * {@code application} for a store of the application's own)
	 * @param store the configured store
	 * @param lookups where documents are looked up by id, run-time registrations included
	 * @param usage the usage of operations on this instance
	 * @param timeout how long a lookup of one operation may take
	 */
	public PersistedOperationsEndpoint(String source, OperationDocumentStore store, OperationDocumentStore lookups,
			OperationUsage usage, Duration timeout) {
		Assert.hasText(source, "source is required");
		Assert.notNull(store, "store is required");
		Assert.notNull(lookups, "lookups is required");
		Assert.notNull(usage, "usage is required");
		Assert.notNull(timeout, "timeout is required");
		this.source = source;
		this.store = store;
		this.lookups = lookups;
		this.usage = usage;
		this.timeout = timeout;
	}

	/**
	 * List the stored operations.
	 * @param neverUsed {@code true} for only those that never ran on this instance
	 * @param notUsedSince only those that did not run since an instant
	 * ({@code 2025-01-31T00:00:00Z}), a day ({@code 2025-01-31}) or a time ago
	 * ({@code 30d}, {@code P30D}); those that never ran included
	 * @return the operations, sorted by id, and how usage is tracked
	 */
	@ReadOperation
	public OperationsDescriptor operations(@Nullable Boolean neverUsed, @Nullable String notUsedSince) {
		Instant since = (notUsedSince != null) ? parseInstant(notUsedSince) : null;
		Map<String, OperationUsage.Usage> usages = this.usage.snapshot();
		Map<String, OperationDescriptor> operations = new LinkedHashMap<>();
		boolean listable = this.store instanceof ListableOperationDocumentStore;
		if (this.store instanceof ListableOperationDocumentStore listed) {
			listed.documents()
				.forEach((key, text) -> operations.put(key,
						describe(key, text, this.source, listed.sourceOf(key), usages.get(key), false)));
		}
		usages.forEach((key, usage) -> {
			if (!operations.containsKey(key)) {
				operations.put(key, describe(key, null, registeredSource(usage), null, usage, false));
			}
		});
		List<OperationDescriptor> selected = new ArrayList<>();
		for (OperationDescriptor operation : operations.values()) {
			if (Boolean.TRUE.equals(neverUsed) && operation.useCount() > 0) {
				continue;
			}
			Instant lastUsed = operation.lastUsed();
			if (since != null && lastUsed != null && !lastUsed.isBefore(since)) {
				continue;
			}
			selected.add(operation);
		}
		selected.sort(Comparator.comparing(OperationDescriptor::id));
		return new OperationsDescriptor(this.source, listable, new UsageDescriptor(this.usage.since(),
				this.usage.size(), this.usage.maximumOperations(), this.usage.dropped()), selected);
	}

	/**
	 * Show one stored operation with its text.
	 * @param id the operation id, which may contain slashes ({@code ios/abc})
	 * @return the operation, or {@code null} (404) if nothing is stored under the id
	 */
	@ReadOperation
	public @Nullable OperationDescriptor operation(@Selector(match = Selector.Match.ALL_REMAINING) String[] id) {
		OperationId operationId;
		try {
			operationId = OperationId.of(String.join("/", id));
		}
		catch (InvalidOperationIdException ex) {
			return null;
		}
		String key = operationId.key();
		OperationUsage.Usage usage = this.usage.usageOf(key);
		if (this.store instanceof ListableOperationDocumentStore listed) {
			String text = listed.documents().get(key);
			if (text != null) {
				return describe(key, text, this.source, listed.sourceOf(key), usage, true);
			}
		}
		// The store times its own calls out; this only guards against one that does not.
		String text = this.lookups.findDocument(operationId).block(this.timeout.plusSeconds(1));
		if (text == null) {
			return null;
		}
		String source = (usage != null) ? registeredSource(usage) : this.source;
		return describe(key, text, source, null, usage, true);
	}

	/**
	 * Where an operation the configured store does not list came from: what this instance
	 * saw (APQ, publishing), or else the remote store, or else a registration in memory
	 * (which only APQ makes).
	 */
	private String registeredSource(OperationUsage.Usage usage) {
		if (usage.origin() != null) {
			return usage.origin();
		}
		return (this.store instanceof ListableOperationDocumentStore) ? OperationUsage.APQ : this.source;
	}

	private static OperationDescriptor describe(String key, @Nullable String text, String source,
			@Nullable String location, OperationUsage.@Nullable Usage usage, boolean withText) {
		OperationSummary summary = (text != null) ? OperationSummary.of(text) : new OperationSummary(null, null);
		return new OperationDescriptor(key, summary.name(), summary.type(), source, location,
				(usage != null) ? usage.count() : 0, (usage != null) ? usage.lastUsed() : null, withText ? text : null);
	}

	private static Instant parseInstant(String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			// Not an instant: a day, or a time ago.
		}
		try {
			return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// Not a day either.
		}
		try {
			return Instant.now().minus(DurationStyle.detectAndParse(value));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(
					"notUsedSince must be an instant (2025-01-31T00:00:00Z), "
							+ "a day (2025-01-31) or a time ago (30d, P30D): '" + value + "' is none of them",
					"notUsedSince must be an instant, a day or a time ago");
		}
	}

	/**
	 * The stored operations.
	 *
	 * @param source where the configured store's documents come from
	 * @param listable whether the store lists every document it holds; if not, only
	 * operations seen on this instance are listed
	 * @param usage how usage is tracked
	 * @param operations the operations, sorted by id
	 */
	public record OperationsDescriptor(String source, boolean listable, UsageDescriptor usage,
			List<OperationDescriptor> operations) implements OperationResponseBody {

	}

	/**
	 * How usage is tracked on this instance.
	 *
	 * @param since when tracking started
	 * @param tracked how many operations are tracked
	 * @param maximum the most operations tracked
	 * @param dropped how many operations were dropped to stay within the bound (they
	 * count from zero again)
	 */
	public record UsageDescriptor(Instant since, int tracked, int maximum, long dropped) {

	}

	/**
	 * One stored operation.
	 *
	 * @param id the key it is stored under
	 * @param operationName the names of its operations, or {@code null}
	 * @param operationType the types of its operations, or {@code null}
	 * @param source where it came from: {@code file}, {@code manifest}, {@code memory},
	 * {@code redis}, {@code azure-blob}, {@code apq}, {@code publishing},
	 * {@code application} or {@code unknown}
	 * @param location the file (and manifest entry) it was loaded from, or {@code null}
	 * @param useCount how many times it ran on this instance
	 * @param lastUsed when it last ran on this instance, or {@code null}
	 * @param text its text (only when one operation is asked for), or {@code null}
	 */
	public record OperationDescriptor(String id, @Nullable String operationName, @Nullable String operationType,
			String source, @Nullable String location, long useCount, @Nullable Instant lastUsed,
			@Nullable String text) implements OperationResponseBody {

	}

}
