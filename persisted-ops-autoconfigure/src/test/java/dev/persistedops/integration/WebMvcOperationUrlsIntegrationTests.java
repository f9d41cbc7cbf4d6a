package dev.persistedops.integration;

/**
 * {@link OperationUrlsIntegrationTests} on Spring MVC (Tomcat).
 */
@WebMvcEdgeTest
class WebMvcOperationUrlsIntegrationTests extends OperationUrlsIntegrationTests {

}
