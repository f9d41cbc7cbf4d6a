package dev.persistedops.integration;

/**
 * {@link PersistedGetCachingIntegrationTests} on Spring MVC (Tomcat).
 */
@WebMvcEdgeTest
class WebMvcPersistedGetCachingIntegrationTests extends PersistedGetCachingIntegrationTests {

}
