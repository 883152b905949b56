package io.parkops.economy.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * The expensive part of every statistic, the sums of a period, kept per node in the
 * economy caches. {@code version} is the zone's data version: part of every key, so a
 * change of the zone's figures on any node makes the old entries unreachable.
 */
@Component
class PeriodSums {

	private final StatisticsStore store;

	private final CacheManager caches;

	PeriodSums(StatisticsStore store, CacheManager caches) {
		this.store = store;
		this.caches = caches;
	}

	/** Each enterprise's 1–N figures and base (for rankings and the sets behind them). */
	@Cacheable(cacheNames = EconomyCaches.PERIOD_SUMS)
	public Map<String, StatisticsEngine.Figures> figures(String zone, int year, int month, long version) {
		Map<String, StatisticsEngine.Figures> figures = new HashMap<>();
		this.store.sums(zone, year, month)
			.forEach((code, sums) -> figures.put(code, StatisticsEngine.Figures.of(sums)));
		return figures;
	}

	/** What the group cache keeps: the sums and the set they were computed for. */
	record Kept(StatisticsStore.GroupSums sums, String fingerprint) {
	}

	/** The key of a period's sums by group within the zone's data version. */
	record GroupKey(String zone, int year, int month, long version, String grouping, String area, String industry) {
	}

	/**
	 * The period's sums of the 规上 set (optionally one area or industry) by group. Kept
	 * for the zone's data version: a change of the figures is a new key, and the set is
	 * computed with the sums in one statement. The set itself changes with the enterprise
	 * registry, so kept sums are used only while the set's fingerprint is the one they
	 * were computed for.
	 */
	public StatisticsStore.GroupSums groups(String zone, int year, int month, long version, String grouping,
			String area, String industry) {
		GroupKey key = new GroupKey(zone, year, month, version, grouping, area, industry);
		Cache cache = this.caches.getCache(EconomyCaches.GROUP_SUMS);
		Kept kept = (cache != null) ? cache.get(key, Kept.class) : null;
		if (kept != null && kept.fingerprint().equals(this.store.setFingerprint(zone, year, month))) {
			return kept.sums();
		}
		StatisticsStore.SetSums computed = this.store.summarySums(zone, year, month, grouping, area, industry);
		if (cache != null) {
			cache.put(key, new Kept(computed.sums(), computed.fingerprint()));
		}
		return computed.sums();
	}

}
