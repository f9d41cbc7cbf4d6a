package dev.persistedops.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the library's shape, held by the build: packages free of cycles,
 * dependencies pointing one way
 * ({@code autoconfigure → observability → web → publish → execution/store → document}),
 * store backends independent of each other, and configuration keys known only to
 * {@code autoconfigure}.
 */
class ArchitectureTests {

	/**
	 * This project's classes, as compiled: the library, the ids it shares, the Java
	 * client and the Maven plugin; nothing from tests or dependencies.
	 */
	private static final JavaClasses CLASSES = new ClassFileImporter().importPaths(Path.of("target/classes"),
			Path.of("../persisted-ops-document/target/classes"), Path.of("../persisted-ops-client/target/classes"),
			Path.of("../persisted-ops-maven-plugin/target/classes"));

	@Test
	void everyModulesClassesAreChecked() {
		for (String module : List.of("dev.persistedops.autoconfigure", "dev.persistedops.document",
				"dev.persistedops.client", "dev.persistedops.maven")) {
			assertThat(CLASSES.containPackage(module)).as("classes of %s imported", module).isTrue();
		}
	}

	@Test
	void packagesAreFreeOfCycles() {
		check(slices().matching("dev.persistedops.(**)").should().beFreeOfCycles());
	}

	@Test
	void dependenciesPointFromAutoConfigurationTowardsDocuments() {
		check(Architectures.layeredArchitecture()
			.consideringOnlyDependenciesInLayers()
			.layer("autoconfigure")
			.definedBy("dev.persistedops.autoconfigure..")
			.layer("observability")
			.definedBy("dev.persistedops.observability..")
			.layer("web")
			.definedBy("dev.persistedops.web..")
			.layer("publish")
			.definedBy("dev.persistedops.publish..")
			.layer("execution")
			.definedBy("dev.persistedops.execution..")
			.layer("store")
			.definedBy("dev.persistedops.store..")
			.layer("document")
			.definedBy("dev.persistedops.document..")
			.whereLayer("autoconfigure")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("observability")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("web")
			.mayOnlyBeAccessedByLayers("observability", "autoconfigure")
			.whereLayer("publish")
			.mayOnlyBeAccessedByLayers("web", "observability", "autoconfigure")
			.whereLayer("execution")
			.mayOnlyBeAccessedByLayers("publish", "web", "observability", "autoconfigure")
			.whereLayer("store")
			.mayOnlyBeAccessedByLayers("publish", "web", "observability", "autoconfigure"));
	}

	@Test
	void idsAndHashingDependOnNothingElseOfThisProject() {
		check(noClasses().that()
			.resideInAPackage("dev.persistedops.document..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.persistedops.autoconfigure..", "dev.persistedops.observability..",
					"dev.persistedops.web..", "dev.persistedops.publish..", "dev.persistedops.execution..",
					"dev.persistedops.store..", "dev.persistedops.client..", "dev.persistedops.maven.."));
	}

	@Test
	void javaClientAndMavenPluginShareOnlyIdsAndHashingWithTheServer() {
		check(noClasses().that()
			.resideInAnyPackage("dev.persistedops.client..", "dev.persistedops.maven..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.persistedops.autoconfigure..", "dev.persistedops.observability..",
					"dev.persistedops.web..", "dev.persistedops.publish..", "dev.persistedops.execution..",
					"dev.persistedops.store.."));
	}

	@Test
	void onlyObservabilityAndAutoConfigurationKnowMicrometerAndActuator() {
		check(noClasses().that()
			.resideInAnyPackage("dev.persistedops.document..", "dev.persistedops.store..",
					"dev.persistedops.execution..", "dev.persistedops.publish..", "dev.persistedops.web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.micrometer.core..", "io.micrometer.observation..",
					"org.springframework.boot.actuate..", "org.springframework.boot.health.."));
	}

	@Test
	void storeBackendsDoNotDependOnEachOther() {
		check(slices().matching("dev.persistedops.store.(*)..").should().notDependOnEachOther());
	}

	@Test
	void whatEveryStoreSharesDoesNotDependOnABackend() {
		check(noClasses().that()
			.resideInAPackage("dev.persistedops.store")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.persistedops.store.memory..", "dev.persistedops.store.filesystem..",
					"dev.persistedops.store.manifest..", "dev.persistedops.store.redis..",
					"dev.persistedops.store.azure.."));
	}

	@Test
	void theMvcAndWebFluxEdgesDoNotDependOnEachOther() {
		check(slices().matching("dev.persistedops.web.(*)..").should().notDependOnEachOther());
		check(noClasses().that()
			.resideInAPackage("dev.persistedops.web")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.persistedops.web.servlet..", "dev.persistedops.web.reactive.."));
	}

	@Test
	void onlyAutoConfigurationNamesConfigurationKeys() throws IOException {
		Pattern key = Pattern.compile("\"[^\"\\n]*persisted-ops\\.[a-z][^\"\\n]*\"");
		Path library = Path.of("src/main/java/dev/persistedops");
		try (Stream<Path> files = Files.walk(library)) {
			List<String> offenders = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.startsWith(library.resolve("autoconfigure")))
				.filter((file) -> key.matcher(read(file)).find())
				.map(Path::toString)
				.toList();
			assertThat(offenders).as("library code outside autoconfigure that names a persisted-ops.* key").isEmpty();
		}
	}

	private static void check(ArchRule rule) {
		rule.check(CLASSES);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
