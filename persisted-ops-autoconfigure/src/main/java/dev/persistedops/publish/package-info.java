/**
 * Publishing documents into a writable store at deploy time, from the directories and
 * manifests a client build exports.
 */
@NullMarked
package dev.persistedops.publish;

import org.jspecify.annotations.NullMarked;
