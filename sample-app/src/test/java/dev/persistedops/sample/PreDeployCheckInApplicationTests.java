package dev.persistedops.sample;

import org.junit.jupiter.api.Test;

import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.testing.PersistedDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-deploy check with the application's own context: the documents its configured
 * store holds, against the schema as the application built it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PreDeployCheckInApplicationTests {

	@Test
	void storedDocumentsAreValidAgainstTheApplicationsSchema(@Autowired OperationDocumentStore store,
			@Autowired GraphQlSource graphQlSource) {
		PersistedDocuments documents = PersistedDocuments.inStore(store);
		assertThat(documents.documents()).hasSize(5);
		documents.assertValidAgainst(graphQlSource);
	}

}
