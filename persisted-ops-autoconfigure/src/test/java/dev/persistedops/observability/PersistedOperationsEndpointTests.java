package dev.persistedops.observability;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.OperationId;
import dev.persistedops.observability.OperationUsageTests.MovingClock;
import dev.persistedops.observability.PersistedOperationsEndpoint.OperationDescriptor;
import dev.persistedops.observability.PersistedOperationsEndpoint.OperationsDescriptor;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.store.LayeredOperationDocumentStore;
import dev.persistedops.store.memory.BoundedInMemoryOperationDocumentStore;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PersistedOperationsEndpoint} over a catalog of files and in-memory
 * registrations.
 */
class PersistedOperationsEndpointTests {

	private final DocumentCatalog catalog = DocumentCatalog
		.builder(new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX), HashMismatchAction.FAIL)
		.add(OperationId.of("get-book"), "query GetBook($id: ID!) { book(id: $id) { title } }", "file [get-book]")
		.add(OperationId.of("ios/list"), "query ListBooks { books { title } }", "file [ios/list]")
		.add(OperationId.of("add-book"), "mutation AddBook { addBook { id } }", "file [add-book]")
		.build();

	private final BoundedInMemoryOperationDocumentStore registrations = new BoundedInMemoryOperationDocumentStore(10,
			100_000, Duration.ofHours(1));

	private final MovingClock clock = new MovingClock();

	private final OperationUsage usage = new OperationUsage(100, this.clock);

	private final PersistedOperationsEndpoint endpoint = new PersistedOperationsEndpoint("file", this.catalog,
			new LayeredOperationDocumentStore(this.catalog, this.registrations), this.usage, Duration.ofSeconds(1));

	@Test
	void listsEveryStoredOperationWithItsNameTypeSourceAndUsage() {
		this.usage.recordUse("get-book", null);
		this.usage.recordUse("get-book", null);
		OperationsDescriptor operations = this.endpoint.operations(null, null);
		assertThat(operations.source()).isEqualTo("file");
		assertThat(operations.listable()).isTrue();
		assertThat(operations.usage().tracked()).isEqualTo(1);
		assertThat(operations.usage().maximum()).isEqualTo(100);
		assertThat(operations.operations()).extracting(OperationDescriptor::id)
			.containsExactly("add-book", "get-book", "ios/list");
		OperationDescriptor getBook = operations.operations().get(1);
		assertThat(getBook).isEqualTo(new OperationDescriptor("get-book", "GetBook", "query", "file", "file [get-book]",
				2, this.clock.instant(), null));
		assertThat(operations.operations().get(0).operationType()).isEqualTo("mutation");
		assertThat(operations.operations()).allSatisfy((operation) -> assertThat(operation.text()).isNull());
	}

	@Test
	void neverUsedListsExactlyTheOperationsThatNeverRan() {
		this.usage.recordUse("ios/list", null);
		assertThat(this.endpoint.operations(true, null).operations()).extracting(OperationDescriptor::id)
			.containsExactly("add-book", "get-book");
	}

	@Test
	void notUsedSinceListsTheOperationsThatDidNotRunSinceThenAndThoseThatNeverRan() {
		this.usage.recordUse("get-book", null);
		this.clock.advance(Duration.ofDays(40));
		this.usage.recordUse("ios/list", null);
		Instant tenDaysAgo = this.clock.instant().minus(Duration.ofDays(10));
		assertThat(this.endpoint.operations(null, tenDaysAgo.toString()).operations())
			.extracting(OperationDescriptor::id)
			.containsExactly("add-book", "get-book");
	}

	@Test
	void notUsedSinceTakesADayOrATimeAgo() {
		this.usage.recordUse("get-book", null);
		// The usage clock is in 2026; a day before it and "30d" ago (from now) compare.
		assertThat(this.endpoint.operations(null, "2025-12-01").operations()).extracting(OperationDescriptor::id)
			.containsExactly("add-book", "ios/list");
		assertThat(this.endpoint.operations(null, "30d").operations()).hasSize(3);
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.operations(null, "last tuesday"));
	}

	@Test
	void oneOperationComesWithItsText() {
		OperationDescriptor operation = this.endpoint.operation(new String[] { "ios", "list" });
		assertThat(operation).isNotNull();
		assertThat(operation.id()).isEqualTo("ios/list");
		assertThat(operation.text()).isEqualTo("query ListBooks { books { title } }");
		assertThat(operation.useCount()).isZero();
	}

	@Test
	void anUnknownOrInvalidIdIsNotFound() {
		assertThat(this.endpoint.operation(new String[] { "nope" })).isNull();
		assertThat(this.endpoint.operation(new String[] { "..", "etc" })).isNull();
	}

	@Test
	void aRegisteredOperationIsListedAsApqAndShownWithItsText() {
		this.registrations.save(OperationId.of("registered"), "query Registered { books { id } }", null).block();
		this.usage.recordUse("registered", OperationUsage.APQ);
		assertThat(this.endpoint.operations(null, null).operations()).filteredOn((op) -> op.id().equals("registered"))
			.singleElement()
			.satisfies((op) -> {
				assertThat(op.source()).isEqualTo("apq");
				assertThat(op.operationName()).isNull();
				assertThat(op.useCount()).isEqualTo(1);
			});
		OperationDescriptor registered = this.endpoint.operation(new String[] { "registered" });
		assertThat(registered).isNotNull();
		assertThat(registered.text()).isEqualTo("query Registered { books { id } }");
		assertThat(registered.operationName()).isEqualTo("Registered");
		assertThat(registered.source()).isEqualTo("apq");
	}

	@Test
	void aDocumentSentAsTextIsNeverShown() {
		// A sent document that ran is never recorded (no id): nothing to show.
		this.usage.onEvent(new dev.persistedops.web.PersistedOperationEvent(
				dev.persistedops.web.PersistedOperationOutcome.SENT, dev.persistedops.web.Transport.HTTP, null, null));
		assertThat(this.endpoint.operations(null, null).operations()).hasSize(3);
	}

}
