package dev.persistedops.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * The bookshelf: an in-memory list of books, and a stream of the ones added.
 */
@Controller
public class BookController {

	private final Map<Integer, Book> books = new ConcurrentSkipListMap<>();

	private final AtomicInteger nextId = new AtomicInteger();

	private final Sinks.Many<Book> added = Sinks.many().multicast().directBestEffort();

	public BookController() {
		add("The Left Hand of Darkness", "Ursula K. Le Guin");
		add("The Dispossessed", "Ursula K. Le Guin");
		add("Kindred", "Octavia E. Butler");
	}

	@QueryMapping
	public @Nullable Book book(@Argument String id) {
		try {
			return this.books.get(Integer.parseInt(id));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@QueryMapping
	public List<Book> books(@Argument @Nullable String author, @Argument int first) {
		return this.books.values()
			.stream()
			.filter((book) -> author == null || book.author().equals(author))
			.limit(Math.max(first, 0))
			.toList();
	}

	@MutationMapping
	public Book addBook(@Argument String title, @Argument String author) {
		Book book = add(title, author);
		this.added.tryEmitNext(book);
		return book;
	}

	@SubscriptionMapping
	public Flux<Book> bookAdded() {
		return this.added.asFlux();
	}

	private Book add(String title, String author) {
		int id = this.nextId.incrementAndGet();
		Book book = new Book(String.valueOf(id), title, author);
		this.books.put(id, book);
		return book;
	}

}
