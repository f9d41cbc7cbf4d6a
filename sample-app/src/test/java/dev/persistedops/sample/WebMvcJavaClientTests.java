package dev.persistedops.sample;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link JavaClientProdProfileTests} against the sample app on Spring MVC (Tomcat).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebMvcJavaClientTests extends JavaClientProdProfileTests {

}
