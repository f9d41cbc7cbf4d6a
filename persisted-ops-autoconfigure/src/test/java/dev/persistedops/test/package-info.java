/**
 * Test support shared with the sample application's tests.
 */
@NullMarked
package dev.persistedops.test;

import org.jspecify.annotations.NullMarked;
