package dev.persistedops.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.execution.OperationSelection;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.util.Assert;

/**
 * Reports documents that ran although they were not persisted (audit mode), so that a
 * team learns what enforcement would refuse before it turns it on. A document is logged
 * at most once per interval, by the sha256 of its text, with its operation name and type,
 * the client and the transport; never with its text. The documents remembered are
 * bounded; one forgotten early is only logged again early.
 */
public final class NonPersistedDocumentAuditor {

	private static final Log logger = LogFactory.getLog(NonPersistedDocumentAuditor.class);

	private static final DocumentHasher SHA256 = new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX);

	private final Cache<String, Boolean> reported;

	/**
	 * Create an auditor.
	 * @param interval how long a document is not logged again after it was logged
	 * @param maximumDocuments the most documents remembered as logged
	 */
	public NonPersistedDocumentAuditor(Duration interval, long maximumDocuments) {
		this(interval, maximumDocuments, Ticker.systemTicker());
	}

	NonPersistedDocumentAuditor(Duration interval, long maximumDocuments, Ticker ticker) {
		Assert.isTrue(interval != null && !interval.isNegative() && !interval.isZero(), "interval must be positive");
		Assert.isTrue(maximumDocuments > 0, "maximumDocuments must be positive");
		this.reported = Caffeine.newBuilder()
			.ticker(ticker)
			.expireAfterWrite(interval)
			.maximumSize(maximumDocuments)
			.build();
	}

	/**
	 * Report that the request's document ran although it was not persisted.
	 */
	public void report(WebGraphQlRequest request, @Nullable ClientIdentity client) {
		String text = request.getDocument();
		String sha256 = SHA256.hash(text);
		if (this.reported.asMap().putIfAbsent(sha256, Boolean.TRUE) != null || !logger.isInfoEnabled()) {
			return;
		}
		logger.info("Ran a document that is not persisted (audit): " + describe(text, request.getOperationName())
				+ ", sha256 " + sha256 + ", client " + ((client != null) ? "'" + client + "'" : "unknown") + ", over "
				+ Transport.of(request).tagValue() + ". Enforcement would refuse it unless it is persisted.");
	}

	private static String describe(String text, @Nullable String operationName) {
		try {
			Document document = Parser.parse(text);
			OperationDefinition operation = OperationSelection.select(document, operationName);
			if (operation == null) {
				return "no operation that the request selects";
			}
			String name = (operation.getName() != null) ? "'" + operation.getName() + "'" : "anonymous";
			return "operation " + name + " (" + operation.getOperation().name().toLowerCase() + ")";
		}
		catch (InvalidSyntaxException ex) {
			return "a document that does not parse";
		}
	}

}
