package dev.persistedops.execution;

import java.util.List;
import java.util.function.Supplier;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;

import org.springframework.util.Assert;

/**
 * Checks a document against the application's schema before it is stored (by a client
 * build, or by a client registering it at run time), so that only operations that can run
 * are stored.
 */
public final class OperationValidator {

	private final Supplier<GraphQLSchema> schema;

	/**
	 * Create a validator.
	 * @param schema supplies the application's schema
	 */
	public OperationValidator(Supplier<GraphQLSchema> schema) {
		Assert.notNull(schema, "schema is required");
		this.schema = schema;
	}

	/**
	 * Return why the document cannot run, one message per problem, or nothing if it can.
	 */
	public List<String> problemsOf(String text) {
		ParseAndValidateResult parsed = ParseAndValidate.parse(ExecutionInput.newExecutionInput(text).build());
		if (parsed.isFailure()) {
			return List.of(parsed.getSyntaxException().getMessage());
		}
		if (parsed.getDocument().getDefinitionsOfType(OperationDefinition.class).isEmpty()) {
			return List.of("The document has no operation");
		}
		return ParseAndValidate.validate(this.schema.get(), parsed.getDocument())
			.stream()
			.map(GraphQLError::getMessage)
			.toList();
	}

}
