package dev.persistedops.maven.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * A real Maven build of a small test project that uses the plugin, run as a user runs it:
 * the same Maven as the build running the tests (its {@code maven.home}), in a separate
 * process, with the plugin taken from the repository the plugin's build installs it into
 * ({@code persisted-ops-maven-plugin/target/test-repository}, by the Maven Invoker plugin
 * before the integration tests). Everything else the test build needs comes from the
 * local repository of the build running the tests, or from Maven Central.
 * <p>
 * The project's {@code pom.xml} names the plugin's version as
 * {@code ${persisted-ops-maven-plugin.version}}. The build runs in batch mode with an
 * environment of its own: only {@code PATH}, {@code HOME} and {@code JAVA_HOME} are
 * passed on, plus what {@link #environment(String, String)} adds.
 */
public final class MavenBuild {

	private final Path projectDirectory;

	private final Properties properties = new Properties();

	private final Map<String, String> environment = new LinkedHashMap<>();

	private boolean debug;

	private MavenBuild(Path projectDirectory) {
		this.projectDirectory = projectDirectory;
		this.properties.setProperty("persisted-ops-maven-plugin.version", requiredProperty("persisted-ops.version"));
	}

	/**
	 * Copy a test project into a working directory (a JUnit {@code @TempDir}, say) and
	 * return a build of the copy.
	 * @param template the test project, such as {@code src/test/projects/documents}
	 * @param workDirectory where to copy it to
	 */
	public static MavenBuild copyOf(Path template, Path workDirectory) {
		Path project = workDirectory.resolve(template.getFileName().toString());
		try (Stream<Path> paths = Files.walk(template)) {
			for (Path path : paths.toList()) {
				Path target = project.resolve(template.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy the test project " + template, ex);
		}
		return new MavenBuild(project);
	}

	/**
	 * Return the project's directory (the copy).
	 */
	public Path projectDirectory() {
		return this.projectDirectory;
	}

	/**
	 * Set a property ({@code -Dname=value}).
	 */
	public MavenBuild property(String name, String value) {
		this.properties.setProperty(name, value);
		return this;
	}

	/**
	 * Set an environment variable of the build.
	 */
	public MavenBuild environment(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	/**
	 * Run the build with debug output ({@code -X}).
	 */
	public MavenBuild debug() {
		this.debug = true;
		return this;
	}

	/**
	 * Run the build with the given goals and phases, and return what it printed.
	 */
	public Result run(String... goals) {
		StringBuilder output = new StringBuilder();
		InvocationRequest request = new DefaultInvocationRequest();
		request.setBaseDirectory(this.projectDirectory.toFile());
		request.setPomFile(this.projectDirectory.resolve("pom.xml").toFile());
		request.addArgs(List.of(goals));
		request.setProperties(this.properties);
		request.setBatchMode(true);
		request.setNoTransferProgress(true);
		request.setDebug(this.debug);
		request.setLocalRepositoryDirectory(testRepository().toFile());
		request.setUserSettingsFile(settings().toFile());
		request.setJavaHome(new File(System.getProperty("java.home")));
		request.setShellEnvironmentInherited(false);
		passOn(request, "PATH");
		passOn(request, "HOME");
		this.environment.forEach(request::addShellEnvironment);
		request.setTimeoutInSeconds(300);
		request.setOutputHandler((line) -> output.append(line).append('\n'));
		request.setErrorHandler((line) -> output.append(line).append('\n'));
		DefaultInvoker invoker = new DefaultInvoker();
		invoker.setMavenHome(new File(requiredProperty("maven.home")));
		try {
			InvocationResult result = invoker.execute(request);
			if (result.getExecutionException() != null) {
				throw new IllegalStateException("Maven did not run: " + output, result.getExecutionException());
			}
			return new Result(result.getExitCode(), output.toString());
		}
		catch (MavenInvocationException ex) {
			throw new IllegalStateException("Maven did not run: " + output, ex);
		}
	}

	private static void passOn(InvocationRequest request, String variable) {
		String value = System.getenv(variable);
		if (value != null) {
			request.addShellEnvironment(variable, value);
		}
	}

	private static Path testRepository() {
		Path repository = Path.of(requiredProperty("persisted-ops.test-repository"));
		if (!Files.isDirectory(repository.resolve("dev/persistedops/persisted-ops-maven-plugin"))) {
			throw new IllegalStateException("The plugin is not installed in " + repository + ": run the tests with "
					+ "'./mvnw verify' (or scripts/test), which installs it there before these tests run");
		}
		return repository;
	}

	/**
	 * Settings that add the local repository of the build running the tests as a source
	 * of artifacts, so that the test builds find what that build already downloaded.
	 */
	private static Path settings() {
		String localRepository = Path.of(requiredProperty("persisted-ops.local-repository")).toUri().toString();
		String repository = "<id>outer-local</id><url>" + localRepository + "</url>"
				+ "<releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>";
		String settings = "<settings><profiles><profile><id>outer-local</id>" + "<repositories><repository>"
				+ repository + "</repository></repositories>" + "<pluginRepositories><pluginRepository>" + repository
				+ "</pluginRepository></pluginRepositories>"
				+ "</profile></profiles><activeProfiles><activeProfile>outer-local</activeProfile></activeProfiles>"
				+ "</settings>\n";
		try {
			Path file = Files.createTempFile("persisted-ops-test-settings", ".xml");
			file.toFile().deleteOnExit();
			Files.writeString(file, settings, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String requiredProperty(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isEmpty()) {
			throw new IllegalStateException("The system property " + name + " is not set: run the tests with "
					+ "'./mvnw verify' (or scripts/test), whose test configuration sets it");
		}
		return value;
	}

	/**
	 * What a build did.
	 *
	 * @param exitCode Maven's exit code
	 * @param output what Maven printed, standard output and error together
	 */
	public record Result(int exitCode, String output) {

		/**
		 * Return the lines Maven printed as errors, without their {@code [ERROR]} prefix.
		 */
		public List<String> errors() {
			List<String> errors = new ArrayList<>();
			this.output.lines()
				.filter((line) -> line.startsWith("[ERROR] "))
				.forEach((line) -> errors.add(line.substring("[ERROR] ".length())));
			return errors;
		}

	}

}
