/**
 * Test support shared with the sample application's tests: real Maven builds of small
 * test projects that use the plugin.
 */
@NullMarked
package dev.persistedops.maven.test;

import org.jspecify.annotations.NullMarked;
