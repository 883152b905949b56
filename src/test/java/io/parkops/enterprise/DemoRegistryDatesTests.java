package io.parkops.enterprise;

import java.time.LocalDate;
import java.util.List;

import io.parkops.ParkOpsTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo zone's registry looks grown over the years (issue 9 §8: no timestamp equal to
 * the moment of loading): each enterprise registered on a day of 2010 to mid-2023, before
 * it entered the 规上 set, with its first status from that day; the requests the demo
 * raised and resolved are on the timeline on their own days, at whole hours.
 */
@ParkOpsTest
class DemoRegistryDatesTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void demoEnterprisesWereRegisteredOverTheYearsNotWhenTheDemoWasLoaded() {
		List<LocalDate> registered = this.jdbc.sql("""
				SELECT (v.occurred_at AT TIME ZONE 'Asia/Shanghai')::date FROM enterprise_event v
				JOIN enterprise e ON e.id = v.enterprise_id
				WHERE e.zone_code = 'yunxi' AND v.summary = 'registered' AND v.actor = 'system'""")
			.query(LocalDate.class)
			.list();
		assertThat(registered).hasSizeGreaterThanOrEqualTo(290)
			.allSatisfy((d) -> assertThat(d).isBetween(LocalDate.of(2008, 1, 1), LocalDate.of(2023, 7, 1)));
		assertThat(registered.stream().map(LocalDate::getYear).distinct().count()).isGreaterThan(8);
		// the first status of each is from its registration day, and no 规上 entry precedes
		// it
		String demo = """
				FROM enterprise e JOIN enterprise_event v ON v.enterprise_id = e.id
				  AND v.summary = 'registered' AND v.actor = 'system'
				WHERE e.zone_code = 'yunxi'""";
		Long otherFirstStatus = this.jdbc.sql("SELECT count(*) " + demo + """
				AND (SELECT min(s.changed_on) FROM enterprise_status_change s WHERE s.enterprise_id = e.id)
				    <> (v.occurred_at AT TIME ZONE 'Asia/Shanghai')::date""").query(Long.class).single();
		assertThat(otherFirstStatus).isZero();
		Long beforeRegistration = this.jdbc.sql("SELECT count(*) " + demo + """
				AND EXISTS (SELECT 1 FROM enterprise_scale_change c WHERE c.enterprise_id = e.id
				    AND c.month < (v.occurred_at AT TIME ZONE 'Asia/Shanghai')::date)""").query(Long.class).single();
		assertThat(beforeRegistration).isZero();
	}

	@Test
	void demoRequestsAreOnTheTimelineOnTheirOwnDays() {
		List<Integer> seconds = this.jdbc.sql("""
				SELECT (extract(minute FROM v.occurred_at) * 60 + extract(second FROM v.occurred_at))::int
				FROM enterprise_event v JOIN enterprise e ON e.id = v.enterprise_id
				WHERE e.zone_code = 'yunxi' AND v.actor = 'system'
				  AND (v.summary LIKE 'service.requestRaised:%' OR v.summary LIKE 'service.requestResolved:%')""")
			.query(Integer.class)
			.list();
		assertThat(seconds).hasSizeGreaterThan(100).allSatisfy((s) -> assertThat(s).isZero());
		Long days = this.jdbc.sql("""
				SELECT count(DISTINCT (v.occurred_at AT TIME ZONE 'Asia/Shanghai')::date)
				FROM enterprise_event v JOIN enterprise e ON e.id = v.enterprise_id
				WHERE e.zone_code = 'yunxi' AND v.summary LIKE 'service.requestRaised:%'""").query(Long.class).single();
		assertThat(days).isGreaterThan(100);
	}

}
