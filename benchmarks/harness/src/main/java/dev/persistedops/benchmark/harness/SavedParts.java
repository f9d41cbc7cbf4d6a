package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The parts of a run that have finished, kept in {@code benchmarks/parts/}, so that a run
 * stopped between two parts (or by a part that failed) can go on with the parts it has
 * not measured ({@code --resume}). On a slow machine the full run takes longer than a
 * sitting: each part is measured in one go, with every launch, and kept only once it has
 * finished, as {@code <part>.tsv} ({@link PartFile}). The folder is in the repository: a
 * sitting's parts can be committed, and a later sitting goes on with them from a fresh
 * clone on a machine of the same kind.
 * <p>
 * A part is kept with what the run was: the code, the machine, the JVM and the options. A
 * run goes on only with parts of the same, and never from a checkout with uncommitted
 * changes, which the commit would not tell apart (changes to Markdown and to the kept
 * parts aside: see {@link Machine#code}).
 */
final class SavedParts {

	/** How a kept part's file is named after the part. */
	private static final String SUFFIX = ".tsv";

	/** How a part's file is named while it is written, before it is moved into place. */
	private static final String PARTIAL = SUFFIX + ".partial";

	private final Path directory;

	private final String key;

	private final Map<String, Part> parts;

	private SavedParts(Path directory, String key, Map<String, Part> parts) {
		this.directory = directory;
		this.key = key;
		this.parts = parts;
	}

	/**
	 * Start a new run: forget what an earlier one kept.
	 * @param directory where the parts are kept ({@link Settings#parts})
	 * @param key what the run is (see {@link #key})
	 */
	static SavedParts start(Path directory, String key) {
		try {
			if (Files.isDirectory(directory)) {
				try (Stream<Path> files = Files.list(directory)) {
					for (Path file : files.toList()) {
						Files.delete(file);
					}
				}
			}
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new SavedParts(directory, key, new LinkedHashMap<>());
	}

	/**
	 * Go on with a run: read the parts it kept. A file a part was being written to when
	 * the run was stopped is left out: the part was not kept.
	 * @param directory where the parts are kept ({@link Settings#parts})
	 * @param code the code the run measures
	 * @param key what the run is (see {@link #key})
	 * @throws IllegalStateException if the checkout has uncommitted changes, or a kept
	 * part is of other code, machine, JVM or options, or cannot be read
	 */
	static SavedParts resume(Path directory, Machine.Code code, String key) {
		if (code.uncommitted()) {
			throw new IllegalStateException("A run from a checkout with uncommitted changes cannot be resumed "
					+ "(changes to Markdown and to the kept parts aside): commit them, and run again without --resume");
		}
		Map<String, Part> parts = new LinkedHashMap<>();
		if (Files.isDirectory(directory)) {
			try (Stream<Path> files = Files.list(directory)) {
				for (Path file : files.filter((file) -> file.getFileName().toString().endsWith(SUFFIX))
					.sorted()
					.toList()) {
					Part part = read(file, key);
					parts.put(part.name(), part);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new SavedParts(directory, key, parts);
	}

	private static Part read(Path file, String key) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file + " (" + ex + "): run again without --resume", ex);
		}
		String kept = PartFile.key(lines);
		if (!key.equals(kept)) {
			throw new IllegalStateException(file + " was kept by a run of other code, machine, JVM or options ("
					+ ((kept != null) ? kept : "no key") + "): run again without --resume");
		}
		try {
			return PartFile.read(lines);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"Cannot read " + file + ": " + ex.getMessage() + ". Run again without --resume", ex);
		}
	}

	/**
	 * Return what a run is, for its parts to be told apart from another run's: the code
	 * it measures, the machine's facts but the date and the commit (a commit that changes
	 * only Markdown, such as the README, leaves a run resumable), and the options that
	 * change how a part is measured.
	 * @param machine the facts of {@link Machine#describe}
	 * @param code the code the run measures ({@link Machine#code})
	 * @param settings the run's settings
	 */
	static String key(Map<String, String> machine, Machine.Code code, Settings settings) {
		StringBuilder key = new StringBuilder("code=").append(code.commit()).append("; ");
		machine.forEach((label, value) -> {
			if (!label.equals(Machine.DATE) && !label.equals(Machine.COMMIT)) {
				key.append(label).append('=').append(value).append("; ");
			}
		});
		return key.append("options=").append(String.join(" ", measuringOptions(settings.arguments()))).toString();
	}

	/**
	 * Return the options but those that do not change how a part is measured: which parts
	 * a sitting measures ({@code --sessions}) and where the report goes
	 * ({@code --output}). A run can so be measured in sittings of a few parts each.
	 */
	private static List<String> measuringOptions(List<String> arguments) {
		List<String> options = new ArrayList<>();
		for (int i = 0; i < arguments.size(); i++) {
			String option = arguments.get(i);
			if (option.equals("--sessions") || option.equals("--output")) {
				i++;
				continue;
			}
			options.add(option);
		}
		return options;
	}

	/**
	 * Return the kept result of the given part, if it was measured.
	 */
	Optional<Part> part(String name) {
		return Optional.ofNullable(this.parts.get(name));
	}

	/**
	 * Return every part kept, in the order a run measures them.
	 */
	List<Part> parts() {
		return this.parts.values()
			.stream()
			.sorted(Comparator.comparing((Part part) -> Settings.ALL_SESSIONS.indexOf(part.name())))
			.toList();
	}

	/**
	 * Keep a part that has finished: written whole to a file of its own, then moved into
	 * place.
	 */
	void save(Part part) {
		this.parts.put(part.name(), part);
		try {
			Path written = this.directory.resolve(part.name() + PARTIAL);
			Files.write(written, PartFile.write(this.key, part), StandardCharsets.UTF_8);
			Files.move(written, this.directory.resolve(part.name() + SUFFIX), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
