/**
 * Test support: checking the operations a client build exported, or an application's
 * store holds, against a schema from a JUnit test, with or without a Spring context, and
 * listing the stored operations a schema change breaks. The pre-deploy check.
 */
@NullMarked
package dev.persistedops.testing;

import org.jspecify.annotations.NullMarked;
