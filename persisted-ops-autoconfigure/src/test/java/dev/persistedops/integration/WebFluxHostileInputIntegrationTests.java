package dev.persistedops.integration;

/**
 * {@link HostileInputIntegrationTests} on Spring WebFlux (Reactor Netty).
 */
@WebFluxEdgeTest
class WebFluxHostileInputIntegrationTests extends HostileInputIntegrationTests {

}
