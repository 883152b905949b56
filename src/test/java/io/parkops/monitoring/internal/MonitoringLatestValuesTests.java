package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.parkops.ParkOpsTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A point's latest values come from any series: a logger sending only minute (2051) or
 * hour (2061) data has them shown, with the kind of data; the newest wins, real time
 * before a coarser series of the same time.
 */
@ParkOpsTest
class MonitoringLatestValuesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SeriesStore series;

	@Autowired
	PointDirectory directory;

	private SeriesStore.Row row(long point, String factor, char kind, LocalDateTime t, String value) {
		return new SeriesStore.Row(point, factor, kind, t, new BigDecimal(value), null, null, null, "N", false);
	}

	@Test
	void minuteAndHourDataAreLatestValuesWithTheirKind() throws Exception {
		MonitoringFixture f = new MonitoringFixture(this.mvc);
		String mn = MonitoringFixture.mn();
		f.post(f.staff, "/api/v1/monitoring/points", MonitoringFixture.point(f.zone, f.ent1, mn, null))
			.andExpect(status().isCreated());
		long id = this.directory.byMn(mn).id();
		LocalDateTime hour = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.HOURS).minusHours(2);
		// COD: an hour value, then a later minute value; NH3-N: hour values only
		this.series.write(List.of(row(id, "w01018", 'H', hour, "31.5"),
				row(id, "w01018", 'M', hour.plusMinutes(70), "62"), row(id, "w21003", 'H', hour, "2.25"),
				row(id, "w21003", 'D', hour.toLocalDate().atStartOfDay(), "1.5")));
		f.get(f.staff, "/api/v1/monitoring/points/" + mn)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.factors[0].latestValue").value(62))
			.andExpect(jsonPath("$.factors[0].latestInterval").value("MINUTE"))
			.andExpect(jsonPath("$.factors[0].aboveLimit").value(true))
			.andExpect(jsonPath("$.factors[1].latestValue").value(2.25))
			.andExpect(jsonPath("$.factors[1].latestInterval").value("HOUR"))
			.andExpect(jsonPath("$.factors[1].latestTime").value(hour.toString() + ":00"));
		f.get(f.staff, "/api/v1/monitoring/points?zone=" + f.zone)
			.andExpect(jsonPath("$.items[0].factors[1].latestInterval").value("HOUR"));
		// a real-time value of the same minute comes first
		this.series.write(List.of(row(id, "w01018", 'R', hour.plusMinutes(70), "61")));
		f.get(f.staff, "/api/v1/monitoring/points/" + mn)
			.andExpect(jsonPath("$.factors[0].latestValue").value(61))
			.andExpect(jsonPath("$.factors[0].latestInterval").value("RAW"));
	}

}
