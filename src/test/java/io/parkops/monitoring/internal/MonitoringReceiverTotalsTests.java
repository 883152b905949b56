package io.parkops.monitoring.internal;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.parkops.ParkOpsTest;
import io.parkops.monitoring.internal.ReceiverTotals.Field;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The receiver's counts in PostgreSQL: a node's flushed counts are kept in its row, a
 * restarted or second node's totals include them, open connections count only the nodes
 * heard from lately, and the API answers the totals.
 */
@ParkOpsTest
class MonitoringReceiverTotalsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ReceiverTotals totals;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countsSurviveARestartAndAddUpOverNodes() throws Exception {
		this.totals.flush();
		long packets = this.jdbc.sql("SELECT packets FROM monitoring_receiver_counter WHERE node = :n")
			.param("n", this.totals.node())
			.query(Long.class)
			.single();
		ReceiverTotals.Totals before = this.totals.totals();
		assertThat(before.get(Field.PACKETS)).isGreaterThanOrEqualTo(packets);

		// another node (or this one restarted: new counters, a row of its own)
		ReceiverCounters fresh = new ReceiverCounters();
		String other = "test-node-" + System.nanoTime();
		ReceiverTotals second = new ReceiverTotals(this.jdbc, fresh, other);
		ReceiverTotals.Totals restarted = second.totals();
		assertThat(restarted.get(Field.PACKETS)).as("what the first node flushed survives")
			.isGreaterThanOrEqualTo(packets);
		fresh.packets.addAndGet(1000);
		fresh.stored.addAndGet(990);
		fresh.refuse(ReceiverCounters.Reason.BAD_CRC, null);
		fresh.refuse(ReceiverCounters.Reason.DUPLICATE, null);
		fresh.connections.set(7);
		second.flush();
		// flushing twice adds only what is new
		fresh.packets.addAndGet(5);
		second.flush();
		second.flush();
		Long row = this.jdbc.sql("SELECT packets FROM monitoring_receiver_counter WHERE node = :n")
			.param("n", other)
			.query(Long.class)
			.single();
		assertThat(row).isEqualTo(1005);

		ReceiverTotals.Totals after = this.totals.totals();
		assertThat(after.get(Field.PACKETS)).isGreaterThanOrEqualTo(before.get(Field.PACKETS) + 1005);
		assertThat(after.get(Field.STORED)).isGreaterThanOrEqualTo(before.get(Field.STORED) + 990);
		assertThat(after.get(Field.BAD_CRC)).isGreaterThanOrEqualTo(before.get(Field.BAD_CRC) + 1);
		assertThat(after.get(Field.DUPLICATES)).isGreaterThanOrEqualTo(before.get(Field.DUPLICATES) + 1);
		assertThat(after.connections()).isGreaterThanOrEqualTo(7);

		MonitoringFixture f = new MonitoringFixture(this.mvc);
		String body = f.get(f.staff, "/api/v1/monitoring/receiver")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String name : List.of("packets", "stored", "badCrc", "unknownMn", "badPassword", "malformed", "duplicates",
				"connections")) {
			assertThat(JsonPath.<Object>read(body, "$." + name)).as(name).isInstanceOf(Number.class);
		}
		assertThat(((Number) JsonPath.read(body, "$.packets")).longValue())
			.isGreaterThanOrEqualTo(before.get(Field.PACKETS) + 1005);
		assertThat(((Number) JsonPath.read(body, "$.connections")).longValue()).isGreaterThanOrEqualTo(7);

		// a node not heard from for over a minute has no open connections any more
		this.jdbc
			.sql("UPDATE monitoring_receiver_counter SET updated_at = now() - INTERVAL '2 minutes' WHERE node = :n")
			.param("n", other)
			.update();
		ReceiverTotals.Totals stale = this.totals.totals();
		assertThat(stale.connections()).isLessThan(after.connections());
		assertThat(stale.get(Field.PACKETS)).isGreaterThanOrEqualTo(after.get(Field.PACKETS));
		this.jdbc.sql("DELETE FROM monitoring_receiver_counter WHERE node = :n").param("n", other).update();
	}

}
