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
	ON_FIRST_USE

}
