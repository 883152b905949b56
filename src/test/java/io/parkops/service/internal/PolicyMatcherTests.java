package io.parkops.service.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parkops.economy.EconomyStatistics;
import io.parkops.economy.EnterpriseYearOnYear;
import io.parkops.economy.Indicator;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.land.EnterpriseLand;
import io.parkops.platform.Numbers;
import io.parkops.service.internal.ServiceCommands.Criterion;
import io.parkops.service.internal.ServiceViews.MatchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Matching several policies at once (an enterprise's 可申报政策) reads each kind of data once:
 * the economy module's figures once per indicator and year, the land data once, whatever
 * the number of policies; and says the same as matching each policy alone. The economy
 * module is stood in for by a counting stand-in of its API (its figures are not the
 * subject here; the endpoint tests read them from the database).
 */
class PolicyMatcherTests {

	private final EconomyStatistics economy = mock(EconomyStatistics.class);

	private final List<Collection<String>> landCalls = new ArrayList<>();

	private final EnterpriseLand land = (codes) -> {
		this.landCalls.add(codes);
		return Map.of("91360000000000001X",
				new EnterpriseLand.Facts("91360000000000001X", "A", 2024, true, new BigDecimal("55.75"), 2));
	};

	private final PolicyMatcher matcher = new PolicyMatcher(this.economy, this.land, null, messages(), new Numbers());

	private final Enterprise enterprise = new Enterprise(1, "91360000000000001X", "强芯电子有限公司", "z", null, "C39",
			"计算机、通信和其他电子设备制造业", EnterpriseStatus.IN_PRODUCTION, null, true, YearMonth.of(2021, 1), null, null, null,
			null, null, null, null, List.of(), List.of("HIGH_TECH"), 0);

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/service", "messages/economy");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@AfterEach
	void stop() {
		this.matcher.stop();
	}

	static Criterion growth(int minPct) {
		return new Criterion("INDICATOR_GROWTH", null, null, "revenue", BigDecimal.valueOf(minPct), null, 2025, null);
	}

	static Criterion amount(int min) {
		return new Criterion("INDICATOR_AMOUNT", null, null, "revenue", null, BigDecimal.valueOf(min), 2025, null);
	}

	static Criterion landArea(int min) {
		return new Criterion("LAND", null, null, null, null, BigDecimal.valueOf(min), null, null, "LAND_AREA");
	}

	@Test
	void severalPoliciesReadEachKindOfDataOnce() {
		when(this.economy.enterpriseYearOnYearForReport(anyString(), any(Indicator.class), anyInt())).thenReturn(Map.of(
				this.enterprise.creditCode(),
				new EnterpriseYearOnYear(new BigDecimal("2400"), new BigDecimal("2400"), new BigDecimal("2000"), 2)));
		List<List<Criterion>> policies = List.of(List.of(growth(10), landArea(50)), List.of(amount(3000)),
				List.of(growth(30), amount(2000), landArea(60)),
				List.of(new Criterion("FLAG", "HIGH_TECH", null, null, null, null, null, null)));
		LocalDate today = LocalDate.of(2026, 6, 1);
		List<List<MatchView>> together = this.matcher.matchesAll(policies, () -> List.of(this.enterprise), "z", today,
				Locale.SIMPLIFIED_CHINESE);
		verify(this.economy, times(1)).enterpriseYearOnYearForReport("z", Indicator.REVENUE, 2025);
		assertThat(this.landCalls).hasSize(1);
		assertThat(together).extracting((m) -> m.get(0).qualifies()).containsExactly(true, false, false, true);
		assertThat(together.get(0).get(0).criteria()).extracting((c) -> c.value())
			.containsExactly("2025年1-2月营业收入2,400.00万元，上年同期2,000.00万元，同比增长20.00%", "持有土地55.75亩（2宗地块）");
		// each alone says the same (and reads its data again)
		for (int i = 0; i < policies.size(); i++) {
			assertThat(this.matcher.matches(policies.get(i), () -> List.of(this.enterprise), "z", today,
					Locale.SIMPLIFIED_CHINESE))
				.isEqualTo(together.get(i));
		}
		verify(this.economy, times(4)).enterpriseYearOnYearForReport("z", Indicator.REVENUE, 2025);
	}

	@Test
	void englishPluralsAndNumbers() {
		List<Criterion> one = List.of(landArea(1000));
		EnterpriseLand single = (codes) -> Map.of(this.enterprise.creditCode(),
				new EnterpriseLand.Facts(this.enterprise.creditCode(), null, null, false, new BigDecimal("1234.5"), 1));
		PolicyMatcher m = new PolicyMatcher(this.economy, single, null, messages(), new Numbers());
		try {
			MatchView v = m.matches(one, () -> List.of(this.enterprise), "z", LocalDate.of(2026, 6, 1), Locale.ENGLISH)
				.get(0);
			assertThat(v.criteria().get(0).text()).isEqualTo("At least 1,000 mu of land held");
			assertThat(v.criteria().get(0).value()).isEqualTo("1,234.50 mu of land held (1 parcel)");
			assertThat(v.qualifies()).isTrue();
		}
		finally {
			m.stop();
		}
	}

}
