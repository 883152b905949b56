package io.parkops.economy.internal;

import java.util.HashMap;
import java.util.Map;

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

	PeriodSums(StatisticsStore store) {
		this.store = store;
	}

	/** Each enterprise's 1–N figures and base (for rankings and the sets behind them). */
	@Cacheable(cacheNames = EconomyCaches.PERIOD_SUMS)
	public Map<String, StatisticsEngine.Figures> figures(String zone, int year, int month, long version) {
		Map<String, StatisticsEngine.Figures> figures = new HashMap<>();
		this.store.sums(zone, year, month)
			.forEach((code, sums) -> figures.put(code, StatisticsEngine.Figures.of(sums)));
		return figures;
	}

	/**
	 * The period's sums of the given enterprises by group, aggregated in SQL; the arrays
	 * are part of the key, so a change of the set or of a group key is a new entry.
	 */
	@Cacheable(cacheNames = EconomyCaches.GROUP_SUMS)
	public StatisticsStore.GroupSums groups(String zone, int year, int month, long version, String[] codes,
			String[] keys) {
		return this.store.groupSums(zone, year, month, codes, keys);
	}

}
