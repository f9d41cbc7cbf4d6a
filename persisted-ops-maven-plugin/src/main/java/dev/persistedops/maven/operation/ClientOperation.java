package dev.persistedops.maven.operation;

import java.util.Locale;

import graphql.language.OperationDefinition;

import dev.persistedops.document.HashAlgorithm;

/**
 * One operation of a client, as Spring's GraphQL client sends it: the document loaded by
 * its name ({@code documentName("getBook")} for
 * {@code graphql-documents/getBook.graphql}), whose exact text is the body, holding one
 * named operation.
 *
 * @param documentName the name the client loads the document by, relative to the
 * documents directory and without the file extension
 * @param source the file the document was read from, for messages
 * @param name the operation's name
 * @param type the operation's type
 * @param body the exact text the client sends
 */
public record ClientOperation(String documentName, String source, String name, OperationDefinition.Operation type,
		String body) {

	/**
	 * Return the operation's id in Apollo's manifest: the sha256 hex of the body.
	 */
	public String id() {
		return HashAlgorithm.SHA256.hex(this.body);
	}

	/**
	 * Return the hex digest of the body with the given algorithm.
	 */
	public String id(HashAlgorithm algorithm) {
		return algorithm.hex(this.body);
	}

	/**
	 * Return the type as Apollo's manifest writes it: {@code query}, {@code mutation} or
	 * {@code subscription}.
	 */
	public String typeName() {
		return this.type.name().toLowerCase(Locale.ROOT);
	}

}
