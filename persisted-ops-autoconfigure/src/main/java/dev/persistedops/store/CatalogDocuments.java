package dev.persistedops.store;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;

import org.jspecify.annotations.Nullable;

/**
 * The documents of a catalog that holds some read on their first use: an unmodifiable map
 * whose lookup reads such a document the first time, and whose entries and values read
 * every one and leave out those that are not served. Its size and the iteration of its
 * keys are those of every document listed; {@link #containsKey} and
 * {@code keySet().contains} are true only of a document that is served.
 */
final class CatalogDocuments extends AbstractMap<String, String> {

	private final Map<String, String> read;

	private final Map<String, FirstUseDocument> unread;

	private final Set<String> keys = new Keys();

	private final Set<Map.Entry<String, String>> entries = new Entries();

	CatalogDocuments(Map<String, String> read, Map<String, FirstUseDocument> unread) {
		this.read = read;
		this.unread = unread;
	}

	@Override
	public @Nullable String get(Object key) {
		String text = this.read.get(key);
		if (text != null) {
			return text;
		}
		FirstUseDocument document = this.unread.get(key);
		return (document != null) ? document.text() : null;
	}

	@Override
	public boolean containsKey(Object key) {
		return get(key) != null;
	}

	/**
	 * Return the number of documents listed, served or not.
	 */
	@Override
	public int size() {
		return this.read.size() + this.unread.size();
	}

	@Override
	public Set<String> keySet() {
		return this.keys;
	}

	@Override
	public Set<Map.Entry<String, String>> entrySet() {
		return this.entries;
	}

	@Override
	public Collection<String> values() {
		return new Values();
	}

	private final class Keys extends AbstractSet<String> {

		@Override
		public Iterator<String> iterator() {
			Iterator<String> read = CatalogDocuments.this.read.keySet().iterator();
			Iterator<String> unread = CatalogDocuments.this.unread.keySet().iterator();
			return new Iterator<>() {

				@Override
				public boolean hasNext() {
					return read.hasNext() || unread.hasNext();
				}

				@Override
				public String next() {
					return read.hasNext() ? read.next() : unread.next();
				}

			};
		}

		@Override
		public boolean contains(Object key) {
			return containsKey(key);
		}

		@Override
		public int size() {
			return CatalogDocuments.this.size();
		}

	}

	/**
	 * The documents served, each read if it was not yet.
	 */
	private final class Entries extends AbstractSet<Map.Entry<String, String>> {

		@Override
		public Iterator<Map.Entry<String, String>> iterator() {
			Iterator<Map.Entry<String, String>> read = CatalogDocuments.this.read.entrySet().iterator();
			Iterator<Map.Entry<String, FirstUseDocument>> unread = CatalogDocuments.this.unread.entrySet().iterator();
			return new Iterator<>() {

				private Map.@Nullable Entry<String, String> next;

				@Override
				public boolean hasNext() {
					if (this.next != null) {
						return true;
					}
					if (read.hasNext()) {
						Map.Entry<String, String> entry = read.next();
						this.next = Map.entry(entry.getKey(), entry.getValue());
						return true;
					}
					while (unread.hasNext()) {
						Map.Entry<String, FirstUseDocument> candidate = unread.next();
						String text = candidate.getValue().text();
						if (text != null) {
							this.next = Map.entry(candidate.getKey(), text);
							return true;
						}
					}
					return false;
				}

				@Override
				public Map.Entry<String, String> next() {
					Map.Entry<String, String> next = hasNext() ? this.next : null;
					if (next == null) {
						throw new NoSuchElementException();
					}
					this.next = null;
					return next;
				}

			};
		}

		/**
		 * Return the number of documents served, reading every one not read yet.
		 */
		@Override
		public int size() {
			int served = 0;
			for (Iterator<Map.Entry<String, String>> entries = iterator(); entries.hasNext(); entries.next()) {
				served++;
			}
			return served;
		}

		@Override
		public boolean contains(Object entry) {
			return (entry instanceof Map.Entry<?, ?> candidate) && candidate.getValue() != null
					&& candidate.getValue().equals(get(candidate.getKey()));
		}

		@Override
		public Spliterator<Map.Entry<String, String>> spliterator() {
			return Spliterators.spliteratorUnknownSize(iterator(), Spliterator.DISTINCT | Spliterator.NONNULL);
		}

	}

	/**
	 * The texts of the documents served, each read if it was not yet.
	 */
	private final class Values extends AbstractCollection<String> {

		@Override
		public Iterator<String> iterator() {
			Iterator<Map.Entry<String, String>> entries = CatalogDocuments.this.entries.iterator();
			return new Iterator<>() {

				@Override
				public boolean hasNext() {
					return entries.hasNext();
				}

				@Override
				public String next() {
					return entries.next().getValue();
				}

			};
		}

		@Override
		public int size() {
			return CatalogDocuments.this.entries.size();
		}

		@Override
		public Spliterator<String> spliterator() {
			return Spliterators.spliteratorUnknownSize(iterator(), Spliterator.NONNULL);
		}

	}

}
