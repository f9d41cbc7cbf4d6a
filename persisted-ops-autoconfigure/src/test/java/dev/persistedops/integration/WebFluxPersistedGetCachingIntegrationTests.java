package dev.persistedops.integration;

/**
 * {@link PersistedGetCachingIntegrationTests} on Spring WebFlux (Reactor Netty).
 */
@WebFluxEdgeTest
class WebFluxPersistedGetCachingIntegrationTests extends PersistedGetCachingIntegrationTests {

}
