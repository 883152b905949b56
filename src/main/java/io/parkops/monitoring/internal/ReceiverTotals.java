package io.parkops.monitoring.internal;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.parkops.monitoring.internal.ReceiverCounters.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

// The receiver's counts kept in PostgreSQL ({@code monitoring_receiver_counter}, one row
// per node): every {@code counter-flush} (5 seconds) and at shutdown this node adds what it
// counted since the last flush to its row and sets its open connections. The totals are
// the sum of all rows plus what this node has not flushed yet, so they survive a restart
// and several nodes add up; open connections count only the nodes heard from within the
// last minute.
@Component
class ReceiverTotals implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReceiverTotals.class);

	private static final Duration ALIVE = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final ReceiverCounters counters;

	private final String node;

	// The counts as last flushed.
	private long[] flushed = new long[Field.values().length];

	private volatile boolean running;

	// The counted figures in the table's column order.
	enum Field {

		PACKETS("packets"), STORED("stored"), BAD_CRC("bad_crc"), UNKNOWN_MN("unknown_mn"),
		BAD_PASSWORD("bad_password"), MALFORMED("malformed"), DUPLICATES("duplicates"),
		REFUSED_CONNECTIONS("refused_connections"), CUT_OFF("cut_off"), OVERSIZE("oversize");

		final String column;

		Field(String column) {
			this.column = column;
		}

	}

	// The totals over all nodes.
	record Totals(long[] values, long connections) {

		long get(Field f) {
			return this.values[f.ordinal()];
		}

	}

	@Autowired
	ReceiverTotals(JdbcClient jdbc, ReceiverCounters counters) {
		this(jdbc, counters, nodeName());
	}

	ReceiverTotals(JdbcClient jdbc, ReceiverCounters counters, String node) {
		this.jdbc = jdbc;
		this.counters = counters;
		this.node = node;
	}

	// This host's name and the process id: a restarted node starts a row of its own.
	static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		String name = host + "/" + ManagementFactory.getRuntimeMXBean().getName();
		return (name.length() > 100) ? name.substring(0, 100) : name;
	}

	String node() {
		return this.node;
	}

	private long[] current() {
		ReceiverCounters c = this.counters;
		return new long[] { c.packets.get(), c.stored.get(), c.refused(Reason.BAD_CRC), c.refused(Reason.UNKNOWN_MN),
				c.refused(Reason.BAD_PASSWORD), c.refused(Reason.MALFORMED), c.refused(Reason.DUPLICATE),
				c.refusedConnections.get(), c.cutOff.get(), c.oversize.get() };
	}

	@Scheduled(fixedDelayString = "${parkops.monitoring.counter-flush:5s}", initialDelayString = "PT5S")
	void scheduled() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			log.warn("HJ 212 receiver counts could not be saved: {}", ex.getMessage());
		}
	}

	// Adds what was counted since the last flush to this node's row.
	synchronized void flush() {
		long[] now = current();
		StringBuilder set = new StringBuilder();
		StringBuilder columns = new StringBuilder();
		StringBuilder values = new StringBuilder();
		JdbcClient.StatementSpec spec;
		for (Field f : Field.values()) {
			columns.append(f.column).append(", ");
			values.append(':').append(f.column).append(", ");
			set.append(f.column)
				.append(" = monitoring_receiver_counter.")
				.append(f.column)
				.append(" + EXCLUDED.")
				.append(f.column)
				.append(", ");
		}
		spec = this.jdbc.sql(
				"INSERT INTO monitoring_receiver_counter (node, " + columns + "connections, updated_at) VALUES (:node, "
						+ values + ":connections, now()) " + "ON CONFLICT (node) DO UPDATE SET " + set
						+ "connections = EXCLUDED.connections, updated_at = EXCLUDED.updated_at");
		spec = spec.param("node", this.node).param("connections", this.counters.connections.get());
		for (Field f : Field.values()) {
			spec = spec.param(f.column, now[f.ordinal()] - this.flushed[f.ordinal()]);
		}
		spec.update();
		this.flushed = now;
	}

	// The totals of all nodes since their first start, this node's unflushed counts
	// included; open connections of this node now and of the other nodes heard from
	// within
	// a minute.
	synchronized Totals totals() {
		StringBuilder sums = new StringBuilder();
		for (Field f : Field.values()) {
			sums.append("COALESCE(sum(").append(f.column).append("), 0), ");
		}
		long[] now = current();
		long[] values = new long[Field.values().length];
		long[] others = new long[1];
		this.jdbc
			.sql("SELECT " + sums + "COALESCE(sum(connections) FILTER (WHERE node <> :node AND updated_at > :alive), 0)"
					+ " FROM monitoring_receiver_counter")
			.param("node", this.node)
			.param("alive", Timestamp.from(Instant.now().minus(ALIVE)))
			.query((rs) -> {
				for (Field f : Field.values()) {
					values[f.ordinal()] = rs.getLong(f.ordinal() + 1) + now[f.ordinal()] - this.flushed[f.ordinal()];
				}
				others[0] = rs.getLong(Field.values().length + 1);
			});
		return new Totals(values, others[0] + this.counters.connections.get());
	}

	@Override
	public void start() {
		this.running = true;
	}

	// Flushes the last counts once the receiver and the writer have stopped (the embedded
	// database's shutdown hook waits until the context has closed), waiting at most two
	// seconds: shutdown must not wait for the pool's connection timeout when a database
	// server is gone.
	@Override
	public void stop() {
		this.running = false;
		try {
			java.util.concurrent.CompletableFuture.runAsync(this::flush).get(2, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			log.warn("HJ 212 receiver counts could not be saved at shutdown: {}", ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 300;
	}

}
