package dev.persistedops.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.Assert;

/**
 * Tag values of which at most a given number are used: the first ones seen keep their own
 * value, any later one becomes the overflow value, so that values from requests cannot
 * grow a meter registry.
 */
final class BoundedTagValues {

	private final int maximum;

	private final String overflow;

	private final Set<String> values = ConcurrentHashMap.newKeySet();

	BoundedTagValues(int maximum, String overflow) {
		Assert.isTrue(maximum >= 0, "maximum must not be negative");
		this.maximum = maximum;
		this.overflow = overflow;
	}

	/**
	 * Return the tag value for the given value: itself, or the overflow value once the
	 * bound is reached.
	 */
	String tagFor(String value) {
		if (this.values.contains(value)) {
			return value;
		}
		synchronized (this.values) {
			if (this.values.size() < this.maximum) {
				this.values.add(value);
				return value;
			}
		}
		return this.overflow;
	}

}
