/**
 * The HTTP edge for Spring WebFlux: id-only POST bodies and GET requests that Spring for
 * GraphQL does not read on its own.
 */
@NullMarked
package dev.persistedops.web.reactive;

import org.jspecify.annotations.NullMarked;
