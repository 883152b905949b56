package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.parkops.ParkOpsTest;
import io.parkops.monitoring.internal.DemoLoggers.Reading;
import io.parkops.monitoring.internal.DemoLoggers.Spec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo zone's monitoring points and their history (loaded at the first start), and
 * the simulated loggers sending over real TCP connections to the receiver (after the
 * history is checked: their later values close the demo's open exceedance).
 */
@ParkOpsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringDemoTests {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	LoggerSimulator simulator;

	@Autowired
	Rollup rollup;

	@Autowired
	JdbcTemplate jdbc;

	MonitoringFixture f;

	String staff;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new MonitoringFixture(this.mvc);
		this.staff = this.f.token(List.of("SAFETY_STAFF"), List.of("yunxi"), null);
	}

	private String json(String path) throws Exception {
		return this.f.get(this.staff, path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	@Order(1)
	void theDemoZoneHasTwentyPointsWithHistoryAndAlarms() throws Exception {
		String points = json("/api/v1/monitoring/points?zone=yunxi&size=100");
		List<String> mns = JsonPath.read(points, "$.items[*].mn");
		assertThat(mns).hasSize(20).allMatch((mn) -> mn.startsWith(DemoLoggers.MN_PREFIX));
		List<String> kinds = JsonPath.read(points, "$.items[*].kind");
		assertThat(kinds).contains("WATER", "AIR", "VOC", "RAIN");
		Integer enterprises = this.jdbc.queryForObject(
				"SELECT count(DISTINCT credit_code) FROM monitoring_point WHERE zone_code = 'yunxi'", Integer.class);
		assertThat(enterprises).isEqualTo(13);
		// every point is placed inside the demo zone's area, no two on the same spot
		List<Double> lons = JsonPath.read(points, "$.items[*].longitude");
		List<Double> lats = JsonPath.read(points, "$.items[*].latitude");
		assertThat(lons).hasSize(20).allMatch((x) -> x > MonitoringDemoData.WEST && x < MonitoringDemoData.EAST);
		assertThat(lats).hasSize(20).allMatch((y) -> y > MonitoringDemoData.SOUTH && y < MonitoringDemoData.NORTH);
		Set<String> spots = new java.util.HashSet<>();
		for (int i = 0; i < 20; i++) {
			spots.add(lons.get(i) + "," + lats.get(i));
		}
		assertThat(spots).hasSize(20);
		// the point with the open exceedance is red on the map, the others online or
		// offline
		List<String> twenty = JsonPath.read(points, "$.items[?(@.mn == '" + DemoLoggers.mn(20) + "')].status");
		assertThat(twenty).containsExactly("EXCEEDING");
		// hour values of 30 days, minute values of 24 hours, real-time values of 6 hours
		LocalDate today = LocalDate.now(CHINA);
		String mn = DemoLoggers.mn(1);
		List<Object> hours = JsonPath.read(json("/api/v1/monitoring/points/" + mn + "/data?factor=w01018&interval=HOUR"
				+ "&from=" + today.minusDays(30) + "&to=" + today.plusDays(1)), "$.items");
		assertThat(hours.size()).isGreaterThan(30 * 24 - 1);
		List<Object> minutes = JsonPath.read(json("/api/v1/monitoring/points/" + mn
				+ "/data?factor=w01018&interval=MINUTE&from=" + today.minusDays(2) + "&to=" + today.plusDays(1)),
				"$.items");
		assertThat(minutes.size()).isBetween(1400, 1441);
		List<Object> raw = JsonPath.read(json("/api/v1/monitoring/points/" + mn + "/data?factor=w01018&interval=RAW"
				+ "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1)), "$.items");
		assertThat(raw.size()).isBetween(350, 365);
		// every value is the plan's: the last real-time one
		Map<String, Object> last = JsonPath.read(raw.get(raw.size() - 1), "$");
		LocalDateTime at = LocalDateTime.parse((String) last.get("time"));
		Reading expected = DemoLoggers.reading(DemoLoggers.POINTS.get(0), at);
		assertThat(new BigDecimal(last.get("value").toString()))
			.isEqualByComparingTo(expected.values().get(expected.codes().indexOf("w01018")));
		// past exceedances closed (the oldest handed over as a hazard), one open now
		String closed = json("/api/v1/monitoring/alarms?zone=yunxi&kind=EXCEEDANCE&status=CLOSED&size=200");
		assertThat(JsonPath.<Integer>read(closed, "$.total")).isGreaterThanOrEqualTo(5);
		String open = json("/api/v1/monitoring/alarms?zone=yunxi&kind=EXCEEDANCE&status=OPEN&size=200");
		assertThat(JsonPath.<List<String>>read(open, "$.items[*].mn")).contains(DemoLoggers.mn(20));
		assertThat(JsonPath.<List<String>>read(open, "$.items[?(@.mn == '" + DemoLoggers.mn(20) + "')].factor"))
			.containsExactly("a34013");
		Integer handedOver = this.jdbc.queryForObject(
				"SELECT count(*) FROM monitoring_alarm a JOIN monitoring_point p"
						+ " ON p.id = a.point_id WHERE p.zone_code = 'yunxi' AND a.hazard_id IS NOT NULL",
				Integer.class);
		assertThat(handedOver).isEqualTo(1);
		// the silent VOCs point's spells of the last day were offline alarms
		String offline = json("/api/v1/monitoring/alarms?zone=yunxi&kind=OFFLINE&size=200");
		assertThat(JsonPath.<List<String>>read(offline, "$.items[*].mn")).contains(DemoLoggers.mn(18));
	}

	@Test
	@Order(2)
	void theSimulatedLoggersSendOverTcpAndAreAcknowledgedAndStored() throws Exception {
		LocalDateTime base = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES).plusHours(1);
		// a minute in which point 3 is under maintenance and one in which point 18 is
		// silent
		LocalDateTime maintenance = next(base, (t) -> Math.floorMod(ofDay(t) - 200, 480) < 30);
		LocalDateTime silent = next(base, (t) -> DemoLoggers.reading(DemoLoggers.POINTS.get(17), t) == null);
		long sent = this.simulator.sent();
		List<CompletableFuture<Long>> acks = this.simulator.tick(maintenance);
		List<CompletableFuture<Long>> second = this.simulator.tick(silent);
		assertThat(acks).hasSize(20);
		assertThat(second).hasSize(19);
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
		CompletableFuture.allOf(second.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
		assertThat(this.simulator.sent() - sent).isEqualTo(39);
		assertThat(this.simulator.acknowledged()).isGreaterThanOrEqualTo(39);
		// stored as sent, maintenance flagged M
		Spec three = DemoLoggers.POINTS.get(2);
		Reading reading = DemoLoggers.reading(three, maintenance);
		String data = json("/api/v1/monitoring/points/" + three.mn() + "/data?factor=w01018&interval=RAW&from="
				+ maintenance + "&to=" + maintenance.plusMinutes(1));
		assertThat(JsonPath.<String>read(data, "$.items[0].flag")).isEqualTo("M");
		assertThat(new BigDecimal(JsonPath.read(data, "$.items[0].value").toString()))
			.isEqualByComparingTo(reading.values().get(0));
		Integer stored = this.jdbc.queryForObject("""
				SELECT count(DISTINCT d.point_id) FROM monitoring_data d JOIN monitoring_point p ON p.id = d.point_id
				WHERE p.mn LIKE 'YXDEMO%' AND d.series = 'R' AND d.data_time = ?
				""", Integer.class, silent);
		assertThat(stored).isEqualTo(19);
		// maintenance values above the limit open no exceedance
		this.rollup.rollUp();
		Integer opened = this.jdbc.queryForObject("""
				SELECT count(*) FROM monitoring_alarm a JOIN monitoring_point p ON p.id = a.point_id
				WHERE p.mn = ? AND a.kind = 'EXCEEDANCE' AND a.opened_at >= ?
				""", Integer.class, three.mn(), java.sql.Timestamp.from(maintenance.atZone(CHINA).toInstant()));
		assertThat(opened).isZero();
	}

	@Test
	void theSimulatorSendsNothingWhenTheReceiverDoesNotListen() {
		MonitoringProperties properties = new MonitoringProperties(
				new MonitoringProperties.Receiver(false, 0, "", 10011, Duration.ofMinutes(5), Duration.ofSeconds(30),
						10, 10, 1, 10),
				Duration.ofMinutes(30), Duration.ofHours(4), 7, Map.of(), 36, Duration.ofSeconds(30), "",
				new MonitoringProperties.Simulator(true, Duration.ofMinutes(1)));
		Hj212Receiver off = new Hj212Receiver(properties, null, new ReceiverCounters());
		off.start();
		LoggerSimulator idle = new LoggerSimulator(properties, off, null, null);
		idle.start();
		assertThat(idle.tick(LocalDateTime.now())).isEmpty();
		idle.stop();
		off.stop();
	}

	private static int ofDay(LocalDateTime t) {
		return t.getHour() * 60 + t.getMinute();
	}

	private static LocalDateTime next(LocalDateTime from, java.util.function.Predicate<LocalDateTime> test) {
		LocalDateTime t = from;
		while (!test.test(t)) {
			t = t.plusMinutes(1);
		}
		return t;
	}

}
