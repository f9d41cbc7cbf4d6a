package dev.persistedops.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnStoreType}.
 */
class OnStoreTypeCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		StoreType required = metadata.getAnnotations()
			.get(ConditionalOnStoreType.class)
			.getEnum("value", StoreType.class);
		StoreType configured = Binder.get(context.getEnvironment())
			.bind(StoreProperties.TYPE, StoreType.class)
			.orElse(StoreType.FILESYSTEM);
		return new ConditionOutcome(configured == required, StoreProperties.TYPE + " is " + configured);
	}

}
