package dev.persistedops.integration;

/**
 * {@link OperationUrlsIntegrationTests} on Spring WebFlux (Reactor Netty).
 */
@WebFluxEdgeTest
class WebFluxOperationUrlsIntegrationTests extends OperationUrlsIntegrationTests {

}
