package dev.persistedops.store;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What the files under some paths look like now, from their attributes alone (symbolic
 * links followed): path, file identity, size and modification time. Two readings that are
 * equal mean the files did not change, unless a file was written in place, keeping its
 * size, within the modification time's resolution: a reading with a file modified very
 * recently is {@linkplain #isRacy() racy}, and is not trusted on its own (as git treats
 * its index).
 */
final class FileStamps {

	/** How recent a modification must be for its time not to be trusted. */
	private static final Duration RACY = Duration.ofSeconds(2);

	/** The one hidden name walked: the link a Kubernetes ConfigMap volume swaps. */
	private static final String CONFIG_MAP_DATA = "..data";

	private final Map<String, String> stamps;

	private final boolean racy;

	private FileStamps(Map<String, String> stamps, boolean racy) {
		this.stamps = stamps;
		this.racy = racy;
	}

	/**
	 * Read the attributes of the given paths: each file, and every file under each
	 * directory, hidden ones except a ConfigMap's {@code ..data} left out.
	 */
	static FileStamps of(List<Path> paths) {
		Instant racySince = Instant.now().minus(RACY);
		Map<String, String> stamps = new TreeMap<>();
		boolean[] racy = { false };
		for (Path path : paths) {
			try {
				Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
						new SimpleFileVisitor<>() {

							@Override
							public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
								return (!directory.equals(path) && isHidden(directory)) ? FileVisitResult.SKIP_SUBTREE
										: FileVisitResult.CONTINUE;
							}

							@Override
							public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
								if (file.equals(path) || !isHidden(file)) {
									stamps.put(file.toString(), stamp(attributes));
									racy[0] |= !attributes.lastModifiedTime().toInstant().isBefore(racySince);
								}
								return FileVisitResult.CONTINUE;
							}

							@Override
							public FileVisitResult visitFileFailed(Path file, IOException ex) {
								stamps.put(file.toString(), "unreadable: " + ex);
								return FileVisitResult.CONTINUE;
							}

						});
			}
			catch (IOException ex) {
				stamps.put(path.toString(), "unreadable: " + ex);
			}
		}
		return new FileStamps(stamps, racy[0]);
	}

	private static boolean isHidden(Path path) {
		String name = path.getFileName().toString();
		return name.startsWith(".") && !name.equals(CONFIG_MAP_DATA);
	}

	private static String stamp(BasicFileAttributes attributes) {
		return attributes.fileKey() + " " + attributes.size() + " " + attributes.lastModifiedTime().toInstant()
				+ (attributes.isRegularFile() ? "" : " " + (attributes.isSymbolicLink() ? "link" : "other"));
	}

	/**
	 * Whether a file was modified so recently that an equal reading taken later would not
	 * prove that it did not change since.
	 */
	boolean isRacy() {
		return this.racy;
	}

	/**
	 * Whether a reading taken after this one may be trusted to mean the files did not
	 * change: it is equal, and this one is not racy.
	 */
	boolean provesUnchanged(@Nullable FileStamps later) {
		return !this.racy && this.equals(later);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof FileStamps that) && this.stamps.equals(that.stamps);
	}

	@Override
	public int hashCode() {
		return this.stamps.hashCode();
	}

	@Override
	public String toString() {
		return this.stamps.size() + " files" + (this.racy ? " (racy)" : "");
	}

}
