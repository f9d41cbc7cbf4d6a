package dev.persistedops.benchmark.app;

import java.util.Collections;

import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.InMemoryPersistedQueryCache;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * graphql-java's own automatic persisted queries, set up as Spring for GraphQL's
 * reference documentation shows, when {@code benchmark.graphql-java-apq} is {@code true}:
 * the do-it-yourself route the starter is compared with. Only run without the starter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("benchmark.graphql-java-apq")
class GraphQlJavaApqConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer graphQlJavaApqCustomizer() {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(
				new ApolloPersistedQuerySupport(new InMemoryPersistedQueryCache(Collections.emptyMap()))));
	}

}
