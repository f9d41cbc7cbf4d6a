package dev.persistedops.sample;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link JavaClientProdProfileTests} against the sample app on WebFlux (Netty).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
class WebFluxJavaClientTests extends JavaClientProdProfileTests {

}
