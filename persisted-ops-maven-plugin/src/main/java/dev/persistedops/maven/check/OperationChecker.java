package dev.persistedops.maven.check;

import java.util.ArrayList;
import java.util.List;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;

import dev.persistedops.maven.operation.ClientOperation;

/**
 * Validates operations against a schema with graphql-java's own parser and validator, the
 * checks the server runs before it stores or executes a document.
 */
public final class OperationChecker {

	private OperationChecker() {
	}

	/**
	 * Return the operations that are not valid against the schema, each with its reasons,
	 * in the order given; empty if all are valid.
	 */
	public static List<InvalidOperation> check(GraphQLSchema schema, List<ClientOperation> operations) {
		List<InvalidOperation> invalid = new ArrayList<>();
		for (ClientOperation operation : operations) {
			List<String> reasons = reasons(schema, operation.body());
			if (!reasons.isEmpty()) {
				invalid.add(new InvalidOperation(operation, reasons));
			}
		}
		return invalid;
	}

	private static List<String> reasons(GraphQLSchema schema, String body) {
		ParseAndValidateResult parsed = ParseAndValidate.parse(ExecutionInput.newExecutionInput(body).build());
		if (parsed.isFailure()) {
			return List.of(String.valueOf(parsed.getSyntaxException().getMessage()));
		}
		return ParseAndValidate.validate(schema, parsed.getDocument()).stream().map(GraphQLError::getMessage).toList();
	}

	/**
	 * An operation that is not valid against the schema.
	 *
	 * @param operation the operation
	 * @param reasons why, one message per validation error
	 */
	public record InvalidOperation(ClientOperation operation, List<String> reasons) {
	}

}
