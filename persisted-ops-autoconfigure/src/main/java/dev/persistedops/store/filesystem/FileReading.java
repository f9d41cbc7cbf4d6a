package dev.persistedops.store.filesystem;

/**
 * When a directory store reads its files.
 */
public enum FileReading {

	/**
	 * Every file is read, and every id checked against its text, before the application
	 * starts: a file that cannot be read, or (when hash mismatches fail) does not match
	 * its id, stops the application.
	 */
	AT_STARTUP,

	/**
	 * The files are only listed at startup, and their names checked as ids; each is read,
	 * and its id checked against its text, on its first use. A file that fails then is
	 * not served, and the reason is logged as an error. For stores of many thousands of
	 * files, which take seconds to read.
	 */
	ON_FIRST_USE,

	/**
	 * As {@link #ON_FIRST_USE}, but the files are not even listed at startup: each is
	 * found by its id ({@code <id>.graphql}, a namespace's in its folder) and read on its
	 * first use. The directories are listed, and their names checked as ids, when every
	 * document is first asked for: by the schema check (in the background in warn mode),
	 * the safelist, or the Actuator persistedoperations endpoint; from then on the
	 * listing answers every lookup. A file whose name is not an id is then left out with
	 * a warning, rather than stopping the application. For stores of a hundred thousand
	 * files, which take seconds to list.
	 */
	ON_FIRST_USE_UNLISTED

}
