/**
 * The Java client against GraphQL servers no one here wrote.
 */
@NullMarked
package dev.persistedops.interop;

import org.jspecify.annotations.NullMarked;
