package dev.persistedops.sample;

/**
 * A book on the shelf.
 *
 * @param id its id
 * @param title its title
 * @param author its author
 */
public record Book(String id, String title, String author) {
}
