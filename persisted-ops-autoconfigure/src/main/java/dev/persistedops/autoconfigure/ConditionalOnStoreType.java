package dev.persistedops.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code persisted-ops.store.type} is the given type. The property is bound
 * as the application binds it, so a value that is not a store type fails startup with a
 * message that names the property and lists the valid values.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnStoreTypeCondition.class)
@interface ConditionalOnStoreType {

	/**
	 * The store type that must be configured.
	 */
	StoreType value();

}
