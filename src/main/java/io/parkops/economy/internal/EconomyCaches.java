package io.parkops.economy.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The per-node caches of economic statistics (Caffeine through Spring's cache
 * abstraction). Their keys carry the zone's data version ({@code economy_data_version}),
 * which every change of the zone's figures bumps on whichever node makes it, so a node
 * never answers from sums another node has made stale.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class EconomyCaches {

	/** Per-enterprise sums of a period, for rankings. */
	static final String PERIOD_SUMS = "economy-period-sums";

	/** The sums of a period by group, for summaries. */
	static final String GROUP_SUMS = "economy-group-sums";

	@Bean
	CacheManagerCustomizer<CaffeineCacheManager> economyCacheSizes() {
		return (manager) -> {
			manager.registerCustomCache(PERIOD_SUMS,
					Caffeine.newBuilder().maximumSize(24).expireAfterAccess(Duration.ofHours(1)).build());
			manager.registerCustomCache(GROUP_SUMS,
					Caffeine.newBuilder().maximumSize(200).expireAfterAccess(Duration.ofHours(1)).build());
		};
	}

}
