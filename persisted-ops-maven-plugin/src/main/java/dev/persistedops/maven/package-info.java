/**
 * The plugin's goals: thin Mojos that read their parameters and hand the work to the
 * classes of the sub-packages.
 */
@NullMarked
package dev.persistedops.maven;

import org.jspecify.annotations.NullMarked;
