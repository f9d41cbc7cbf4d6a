package dev.persistedops.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory laid out as Kubernetes mounts a ConfigMap volume, and changed the way the
 * kubelet changes it (its {@code AtomicWriter}): each version's files in a new
 * timestamped folder, the {@code ..data} link swapped to it in one rename, then the
 * visible links of added keys created and those of removed keys deleted, then the old
 * folder removed.
 */
public final class ConfigMapVolume {

	/** Goes straight from one step to the next. */
	public static final Runnable NO_PAUSE = () -> {
	};

	private static final String DATA = "..data";

	private final Path directory;

	private int version;

	/**
	 * Create a volume in the given, empty, directory.
	 */
	public ConfigMapVolume(Path directory) {
		this.directory = directory;
	}

	/**
	 * Create a volume in a new temporary directory.
	 * @param prefix the start of the directory's name
	 */
	public static ConfigMapVolume create(String prefix) {
		try {
			return new ConfigMapVolume(Files.createTempDirectory(prefix).toRealPath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the directory the volume is mounted at.
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Make the given files the volume's content, in the kubelet's steps.
	 * @param files file names and contents
	 * @param pause called between the steps, to let readers see each state
	 */
	public void update(Map<String, String> files, Runnable pause) {
		try {
			Path data = this.directory.resolve(DATA);
			Path previous = Files.isSymbolicLink(data) ? this.directory.resolve(Files.readSymbolicLink(data)) : null;
			Path timestamped = this.directory.resolve("..2025_01_01_00_00_00." + (++this.version));
			Files.createDirectory(timestamped);
			for (Map.Entry<String, String> file : files.entrySet()) {
				Files.writeString(timestamped.resolve(file.getKey()), file.getValue());
			}
			pause.run();
			Path temporary = this.directory.resolve("..data_tmp");
			Files.createSymbolicLink(temporary, timestamped.getFileName());
			Files.move(temporary, data, StandardCopyOption.ATOMIC_MOVE);
			pause.run();
			for (String name : files.keySet()) {
				Path visible = this.directory.resolve(name);
				if (!Files.isSymbolicLink(visible)) {
					Files.createSymbolicLink(visible, Path.of(DATA, name));
				}
			}
			for (Path visible : visibleLinks()) {
				if (!files.containsKey(visible.getFileName().toString())) {
					Files.delete(visible);
				}
			}
			pause.run();
			if (previous != null) {
				deleteRecursively(previous);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Path> visibleLinks() throws IOException {
		try (Stream<Path> entries = Files.list(this.directory)) {
			return entries.filter((entry) -> !entry.getFileName().toString().startsWith(".")).toList();
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
