package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.parkops.ParkOpsTest;
import io.parkops.cockpit.CockpitTile;
import io.parkops.report.ReportFigure;
import io.parkops.report.ReportPeriod;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report's part 环保在线监测情况 and the cockpit tile on a zone with known points and alarms:
 * points by kind, coverage of the 涉水涉气 enterprises, exceedances with their hand-over and
 * closing, repeated exceedances and offline points, each figure traceable.
 */
@ParkOpsTest
class MonitoringReportTests {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	MonitoringReportSection section;

	@Autowired
	MonitoringCockpitTiles tiles;

	@Autowired
	AlarmStore alarms;

	@Autowired
	SeriesStore series;

	@Autowired
	PointDirectory directory;

	@Autowired
	JdbcClient jdbc;

	private PointDirectory.Point register(MonitoringFixture f, String enterprise, String kind) throws Exception {
		String mn = MonitoringFixture.mn();
		Map<String, Object> body = new java.util.LinkedHashMap<>(MonitoringFixture.point(f.zone, enterprise, mn, null));
		body.put("kind", kind);
		f.post(f.staff, "/api/v1/monitoring/points", body).andExpect(status().isCreated());
		return this.directory.byMn(mn);
	}

	private long exceedance(PointDirectory.Point p, Instant opened, Instant closed, Long hazard) {
		long id = this.alarms
			.open(p.zoneCode(), p.creditCode(), p.id(), "w01018", "EXCEEDANCE", opened, new BigDecimal("80"),
					new BigDecimal("50"), "N")
			.orElseThrow();
		if (closed != null) {
			this.alarms.close(id, closed);
		}
		if (hazard != null) {
			this.alarms.linkHazard(id, hazard);
		}
		return id;
	}

	@Test
	void theSectionCountsPointsCoverageExceedancesAndProblems() throws Exception {
		MonitoringFixture f = new MonitoringFixture(this.mvc);
		PointDirectory.Point a = register(f, f.ent1, "WATER");
		PointDirectory.Point b = register(f, f.ent1, "AIR");
		PointDirectory.Point c = register(f, f.ent2, "WATER");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// point a exceeds three times (one handed over, two closed, one still open), b
		// once
		exceedance(a, now.minusSeconds(4 * 60), now.minusSeconds(3 * 60), 990001L);
		exceedance(a, now.minusSeconds(2 * 60), now.minusSeconds(60), null);
		exceedance(a, now.minusSeconds(30), null, null);
		exceedance(b, now.minusSeconds(5 * 60), now.minusSeconds(4 * 60), null);
		// c is offline; only a sent data
		this.alarms.open(c.zoneCode(), c.creditCode(), c.id(), "", "OFFLINE", now.minusSeconds(120), null, null, null);
		LocalDateTime t = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES).minusMinutes(5);
		this.series.write(List
			.of(new SeriesStore.Row(a.id(), "w01018", 'R', t, new BigDecimal("20"), null, null, null, "N", false)));
		this.jdbc.sql("UPDATE monitoring_point SET last_packet_at = now() WHERE id = :id").param("id", a.id()).update();

		LocalDate today = LocalDate.now(CHINA);
		ReportScope scope = new ReportScope(f.zone, "测试园区",
				new ReportPeriod(ReportPeriod.Kind.MONTHS, today.getYear(), today.getMonthValue()),
				YearMonth.from(today), today);
		ReportSection s = this.section.contribute(scope).orElseThrow();
		assertThat(s.key()).isEqualTo("monitoring");
		Map<String, ReportFigure> figures = s.figures().stream().collect(Collectors.toMap(ReportFigure::id, (x) -> x));
		assertThat(figures.get("monitoring.points").text()).isEqualTo("3个");
		assertThat(s.paragraphs().get(0)).contains("废水和雨水排口2个、废气排口1个、VOCs排口0个");
		assertThat(figures.get("monitoring.enterprises").text()).isEqualTo("2家");
		assertThat(figures.get("monitoring.monitored").text()).isEqualTo("1家");
		assertThat(figures.get("monitoring.coverage").text()).isEqualTo("50.00%");
		assertThat(figures.get("monitoring.exceedances").text()).isEqualTo("4次");
		assertThat(figures.get("monitoring.exceedances").source()).containsEntry("recordCount", 4);
		assertThat(figures.get("monitoring.exceedances.hazards").text()).isEqualTo("1次");
		assertThat(figures.get("monitoring.exceedances.closed").text()).isEqualTo("3次");
		assertThat(figures.get("monitoring.problem.repeated").text()).isEqualTo("1个");
		assertThat(figures.get("monitoring.problem.offline").text()).isEqualTo("1个");
		assertThat(s.problems()).hasSize(2);
		assertThat(s.problems().get(0)).contains("监测测试化工一号有限公司");
		assertThat(s.plans()).anyMatch((p) -> p.contains("1次尚未恢复达标"));
		// every marker in the texts is a figure of the section
		String all = String.join("", s.paragraphs()) + String.join("", s.problems()) + String.join("", s.plans());
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{([^}]+)}}").matcher(all);
		while (m.find()) {
			assertThat(figures).containsKey(m.group(1));
		}

		// cockpit: 1 of 3 online; open alarms: one exceedance, one offline
		List<CockpitTile> tile = this.tiles.tiles(f.zone, today, Locale.SIMPLIFIED_CHINESE);
		assertThat(tile).hasSize(1);
		assertThat(tile.get(0).figures().get(0).value()).isEqualTo("1");
		assertThat(tile.get(0).figures().get(0).unit()).isEqualTo("/ 3 个");
		assertThat(tile.get(0).figures().get(1).value()).isEqualTo("2");
		assertThat(tile.get(0).figures().get(1).hint()).isEqualTo("超标 1、离线 1、仪器故障 0");
		assertThat(tile.get(0).figures().get(1).alert()).isTrue();
		assertThat(this.tiles.tiles(f.otherZone, today, Locale.SIMPLIFIED_CHINESE)).isEmpty();
		assertThat(
				this.section.contribute(new ReportScope(f.otherZone, "空园区", scope.period(), scope.dataMonth(), today)))
			.isEmpty();
	}

}
