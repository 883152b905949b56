package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.parkops.ParkOpsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Values arriving for a time earlier than a point's latest evaluated value re-evaluate
 * the exceedance alarms of that stretch (COD limit 50): a late value above the limit
 * between values within it is an alarm of its own, closed; a late value within the limit
 * inside an open exceedance splits it; a late value above just before an open exceedance
 * moves its start.
 */
@ParkOpsTest
class MonitoringLateValuesTests {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	AlarmEngine engine;

	@Autowired
	SeriesStore series;

	@Autowired
	PointDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LateValues lateValues;

	@Autowired
	AlarmStore alarmStore;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	MonitoringProperties properties;

	@Autowired
	io.parkops.platform.ZoneTime zoneTime;

	@Autowired
	io.parkops.safety.HazardIntake hazards;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	PointDirectory.Point point;

	LocalDateTime t0;

	@BeforeEach
	void setUp() throws Exception {
		MonitoringFixture f = new MonitoringFixture(this.mvc);
		String mn = MonitoringFixture.mn();
		f.post(f.staff, "/api/v1/monitoring/points", MonitoringFixture.point(f.zone, f.ent1, mn, null))
			.andExpect(status().isCreated());
		this.point = this.directory.byMn(mn);
		this.t0 = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.HOURS).minusHours(3);
	}

	// Stores the logger's minute value (2051) and hands it to the alarms, as the writer
	// does.
	private void minute(int minute, String value) {
		minute(this.engine, minute, value);
	}

	private void minute(AlarmEngine by, int minute, String value) {
		SeriesStore.Row row = new SeriesStore.Row(this.point.id(), "w01018", 'M', this.t0.plusMinutes(minute),
				new BigDecimal(value), null, null, null, "N", false);
		this.series.write(List.of(row));
		by.evaluate(List.of(row));
	}

	// An engine as a restarted node or another node has it: nothing in memory.
	private AlarmEngine anotherNode() {
		return new AlarmEngine(this.alarmStore, this.directory, this.events, this.properties, this.zoneTime, this.jdbc,
				this.hazards, this.transactions, this.lateValues);
	}

	record Alarm(String status, LocalDateTime opened, LocalDateTime closed, BigDecimal max) {
	}

	private List<Alarm> alarms() {
		return this.jdbc.sql("""
				SELECT status, opened_at, closed_at, max_value FROM monitoring_alarm
				WHERE point_id = :p AND kind = 'EXCEEDANCE' ORDER BY opened_at
				""").param("p", this.point.id()).query((rs, n) -> {
			Timestamp closed = rs.getTimestamp(3);
			return new Alarm(rs.getString(1), LocalDateTime.ofInstant(rs.getTimestamp(2).toInstant(), CHINA),
					(closed != null) ? LocalDateTime.ofInstant(closed.toInstant(), CHINA) : null, rs.getBigDecimal(4));
		}).list();
	}

	private LocalDateTime at(int minute) {
		return this.t0.plusMinutes(minute);
	}

	@Test
	void aLateValueAboveTheLimitBetweenValuesWithinItIsAClosedAlarmOfItsOwn() {
		minute(0, "20");
		minute(1, "80");
		minute(2, "90");
		minute(3, "30");
		minute(5, "25");
		assertThat(alarms()).containsExactly(new Alarm("CLOSED", at(1), at(3), new BigDecimal("90")));
		// minute 4 arrives late, above the limit: an exceedance from 4 to 5, closed
		minute(4, "70");
		assertThat(alarms()).containsExactly(new Alarm("CLOSED", at(1), at(3), new BigDecimal("90")),
				new Alarm("CLOSED", at(4), at(5), new BigDecimal("70")));
		// later values go on as usual
		minute(6, "60");
		assertThat(alarms()).hasSize(3).last().extracting(Alarm::status).isEqualTo("OPEN");
	}

	@Test
	void aLateValueWithinTheLimitSplitsAnOpenExceedance() {
		minute(0, "80");
		minute(2, "95");
		minute(3, "85");
		assertThat(alarms()).containsExactly(new Alarm("OPEN", at(0), null, new BigDecimal("95")));
		// minute 1 was within the limit: the first exceedance ended then, a second began
		// at 2
		minute(1, "40");
		assertThat(alarms()).containsExactly(new Alarm("CLOSED", at(0), at(1), new BigDecimal("80")),
				new Alarm("OPEN", at(2), null, new BigDecimal("95")));
		// the open one is the engine's: the next value within the limit closes it
		minute(4, "10");
		assertThat(alarms()).extracting(Alarm::status).containsExactly("CLOSED", "CLOSED");
		assertThat(alarms().get(1).closed()).isEqualTo(at(4));
	}

	@Test
	void aLateValueAboveJustBeforeAnOpenExceedanceMovesItsStart() {
		minute(0, "30");
		minute(2, "75");
		minute(3, "70");
		minute(1, "99");
		assertThat(alarms()).containsExactly(new Alarm("OPEN", at(1), null, new BigDecimal("99")));
		minute(4, "30");
		assertThat(alarms()).containsExactly(new Alarm("CLOSED", at(1), at(4), new BigDecimal("99")));
	}

	@Test
	void aLateValueIsRecognisedAfterARestartAndOnAnotherNode() {
		minute(0, "20");
		minute(1, "80");
		minute(2, "90");
		minute(3, "30");
		minute(5, "25");
		// minute 4 arrives at a node that has just started (or another one): still late
		minute(anotherNode(), 4, "70");
		assertThat(alarms()).containsExactly(new Alarm("CLOSED", at(1), at(3), new BigDecimal("90")),
				new Alarm("CLOSED", at(4), at(5), new BigDecimal("70")));
		// without the table's row (values stored before it was kept), the latest stored
		// value other than the one being evaluated is how far it went
		this.jdbc.sql("DELETE FROM monitoring_evaluated WHERE point_id = :p").param("p", this.point.id()).update();
		minute(anotherNode(), -1, "75");
		assertThat(alarms()).containsExactly(new Alarm("CLOSED", at(-1), at(0), new BigDecimal("75")),
				new Alarm("CLOSED", at(1), at(3), new BigDecimal("90")),
				new Alarm("CLOSED", at(4), at(5), new BigDecimal("70")));
		assertThat(this.jdbc.sql("SELECT latest FROM monitoring_evaluated WHERE point_id = :p")
			.param("p", this.point.id())
			.query(java.sql.Timestamp.class)
			.optional()).isEmpty();
		// a value after the latest goes on as usual on any node
		minute(anotherNode(), 6, "60");
		assertThat(alarms()).hasSize(4).last().extracting(Alarm::status).isEqualTo("OPEN");
		assertThat(this.jdbc.sql("SELECT latest FROM monitoring_evaluated WHERE point_id = :p")
			.param("p", this.point.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toLocalDateTime()).isEqualTo(at(6));
	}

}
