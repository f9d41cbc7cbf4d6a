/**
 * The HTTP edge for Spring MVC: id-only POST bodies and GET requests that Spring for
 * GraphQL does not read on its own.
 */
@NullMarked
package dev.persistedops.web.servlet;

import org.jspecify.annotations.NullMarked;
