package dev.persistedops.integration;

/**
 * {@link HostileInputIntegrationTests} on Spring MVC (Tomcat).
 */
@WebMvcEdgeTest
class WebMvcHostileInputIntegrationTests extends HostileInputIntegrationTests {

}
