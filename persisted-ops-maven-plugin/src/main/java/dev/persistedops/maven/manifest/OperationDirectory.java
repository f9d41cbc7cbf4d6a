package dev.persistedops.maven.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.maven.operation.ClientOperation;

/**
 * A directory of {@code <hash>.graphql} files, each holding one operation's exact text:
 * Hot Chocolate's file system layout and Strawberry Shake's export, which the server's
 * {@code filesystem} store reads.
 */
public final class OperationDirectory {

	private static final Pattern HASH_FILE_NAME = Pattern.compile("[0-9a-f]{32}([0-9a-f]{8}|[0-9a-f]{32})?\\.graphql");

	private OperationDirectory() {
	}

	/**
	 * Write one file per operation into the directory, and delete the
	 * {@code <hash>.graphql} files of earlier exports that are not among them, so that
	 * the directory holds exactly these operations.
	 * @return the files deleted
	 */
	public static List<Path> write(List<ClientOperation> operations, HashAlgorithm algorithm, Path directory)
			throws IOException {
		Files.createDirectories(directory);
		Set<String> fileNames = new HashSet<>();
		for (ClientOperation operation : operations) {
			String fileName = operation.id(algorithm) + ".graphql";
			fileNames.add(fileName);
			Files.write(directory.resolve(fileName), operation.body().getBytes(StandardCharsets.UTF_8));
		}
		List<Path> deleted = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.sorted().toList()) {
				String fileName = file.getFileName().toString();
				if (HASH_FILE_NAME.matcher(fileName).matches() && !fileNames.contains(fileName)
						&& Files.isRegularFile(file)) {
					Files.delete(file);
					deleted.add(file);
				}
			}
		}
		return deleted;
	}

}
