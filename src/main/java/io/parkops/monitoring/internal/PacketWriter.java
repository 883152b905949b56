package io.parkops.monitoring.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.parkops.monitoring.internal.PointDirectory.Point;
import io.parkops.monitoring.internal.SeriesStore.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

// Writes the accepted packets in batches (one transaction, one statement for the values,
// one for the points' last packet time), then moves the alarms and completes each
// packet's answer: an acknowledgement is sent only for what is stored.
@Component
class PacketWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PacketWriter.class);

	private final SeriesStore series;

	private final AlarmEngine alarms;

	private final Rollup rollup;

	private final ReceiverCounters counters;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final int batchSize;

	private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>(200_000);

	private volatile Thread thread;

	private volatile boolean running;

	PacketWriter(SeriesStore series, AlarmEngine alarms, Rollup rollup, ReceiverCounters counters,
			TransactionTemplate transactions, JdbcTemplate jdbc, MonitoringProperties properties) {
		this.series = series;
		this.alarms = alarms;
		this.rollup = rollup;
		this.counters = counters;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.batchSize = Math.max(1, properties.hj212().batchSize());
	}

	private record Job(Point point, List<Row> rows, boolean data, CompletableFuture<Void> done) {
	}

	// Queues a packet's values (none for a heartbeat); completes when they are stored, or
	// exceptionally when they could not be.
	CompletableFuture<Void> submit(Point point, List<Row> rows, boolean data) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		if (!this.running || !this.queue.offer(new Job(point, rows, data, done))) {
			done.completeExceptionally(new IllegalStateException("the writer is not taking packets"));
		}
		return done;
	}

	private void loop() {
		List<Job> batch = new ArrayList<>();
		while (this.running || !this.queue.isEmpty()) {
			try {
				Job first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.batchSize - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	void write(List<Job> batch) {
		List<Row> rows = new ArrayList<>();
		Set<Long> heard = new LinkedHashSet<>();
		for (Job job : batch) {
			rows.addAll(job.rows());
			heard.add(job.point().id());
		}
		Instant now = Instant.now();
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.series.write(rows);
				this.jdbc.update("UPDATE monitoring_point SET last_packet_at = ? WHERE id = ANY(?)",
						java.sql.Timestamp.from(now), heard.toArray(Long[]::new));
			});
		}
		catch (RuntimeException ex) {
			log.error("HJ 212 packets could not be stored ({} packets): {}", batch.size(), ex.getMessage());
			batch.forEach((job) -> job.done().completeExceptionally(ex));
			return;
		}
		for (Job job : batch) {
			if (job.data()) {
				this.counters.storedFor(job.point().mn());
			}
		}
		try {
			this.rollup.mark(rows);
			this.alarms.heard(heard, now);
			this.alarms.evaluate(rows);
		}
		catch (RuntimeException ex) {
			log.error("Alarms could not be evaluated: {}", ex.getMessage(), ex);
		}
		batch.forEach((job) -> job.done().complete(null));
	}

	@Override
	public void start() {
		this.running = true;
		Thread t = new Thread(this::loop, "hj212-writer");
		t.setDaemon(true);
		this.thread = t;
		t.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread t = this.thread;
		if (t != null) {
			try {
				t.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Stops after the receiver (which starts after it).
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 200;
	}

}
