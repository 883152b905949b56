package io.parkops.monitoring.internal;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.parkops.monitoring.internal.DemoLoggers.Reading;
import io.parkops.monitoring.internal.DemoLoggers.Spec;
import io.parkops.platform.ZoneTime;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The harness's load (io.parkops.bench.MonitoringBench) on the simulator's code: points
 * registered by SQL with the demo plan's water factors, and simulated loggers
 * ({@link LoggerClient}, {@link DemoLoggers}) sending real-time packets over TCP to the
 * running receiver, each acknowledgement timed.
 */
public final class MonitoringLoad {

	/** The logger password of the harness's points. */
	static final String PASSWORD = "bench212";

	private static final AtomicLong QN = new AtomicLong();

	private MonitoringLoad() {
	}

	/** What a run sent and what came back. */
	public record Result(long sent, long acknowledged, long failed, double seconds, List<Long> ackMicros) {
	}

	/**
	 * Registers {@code n} water outfalls (the factors of demo point 1) in the zone on the
	 * given enterprises, round robin; answers their MNs.
	 */
	public static List<String> registerPoints(ApplicationContext app, String zone, List<String> creditCodes, int n) {
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		String hash = PointDirectory.hash(PASSWORD);
		Spec model = DemoLoggers.POINTS.get(0);
		List<String> mns = new ArrayList<>(n);
		List<Object[]> points = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String mn = String.format(Locale.ROOT, "BENCH%019d", i + 1);
			mns.add(mn);
			points.add(new Object[] { zone, creditCodes.get(i % creditCodes.size()), mn, "基准排放口" + (i + 1), hash });
		}
		jdbc.batchUpdate("INSERT INTO monitoring_point (zone_code, credit_code, mn, name, kind, password_hash,"
				+ " created_by) VALUES (?, ?, ?, ?, 'WATER', ?, 'bench')", points);
		int position = 0;
		for (DemoLoggers.FactorSpec f : model.factors()) {
			jdbc.update(
					"INSERT INTO monitoring_factor (point_id, code, name, unit, limit_value, warning_value, position)"
							+ " SELECT id, ?, ?, ?, ?, ?, ? FROM monitoring_point WHERE mn LIKE 'BENCH%'",
					f.code(), f.name(), f.unit(), f.limit(), f.warning(), position++);
		}
		app.getBean(PointDirectory.class).reload();
		return mns;
	}

	/** The port the receiver listens on. */
	public static int receiverPort(ApplicationContext app) {
		return app.getBean(Hj212Receiver.class).port();
	}

	/** The zone's local time now. */
	public static LocalDateTime now(ApplicationContext app) {
		return LocalDateTime.now(app.getBean(ZoneTime.class).zoneId());
	}

	/**
	 * As fast as the receiver answers: {@code packets} real-time packets over
	 * {@code connections} connections, each with at most {@code window} unanswered
	 * packets; each point's packets carry successive minutes from {@code firstMinute}.
	 */
	public static Result flood(ApplicationContext app, List<String> mns, int connections, int packets, int window,
			LocalDateTime firstMinute) throws Exception {
		int port = receiverPort(app);
		ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
		AtomicLong acknowledged = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		try (LoggerClient client = new LoggerClient("127.0.0.1", port, 1)) {
			List<LoggerClient.Link> links = new ArrayList<>();
			for (int c = 0; c < connections; c++) {
				links.add(client.connect());
			}
			long start = System.nanoTime();
			List<Thread> senders = new ArrayList<>();
			for (int c = 0; c < connections; c++) {
				int connection = c;
				LoggerClient.Link link = links.get(c);
				Thread t = new Thread(() -> {
					Semaphore open = new Semaphore(window);
					List<CompletableFuture<Long>> all = new ArrayList<>();
					int mine = packets / connections + ((connection < packets % connections) ? 1 : 0);
					for (int k = 0; k < mine; k++) {
						// the connection's points take turns; each point's k-th packet
						// carries minute k
						int index = connection + (k % Math.max(1, mns.size() / connections)) * connections;
						String mn = mns.get(index % mns.size());
						int round = k / Math.max(1, mns.size() / connections);
						open.acquireUninterruptibly();
						CompletableFuture<Long> f = send(link, mn, firstMinute.plusMinutes(round), 60_000);
						f.whenComplete((nanos, ex) -> {
							open.release();
							if (ex == null) {
								acknowledged.incrementAndGet();
								micros.add(nanos / 1000);
							}
							else {
								failed.incrementAndGet();
							}
						});
						all.add(f);
					}
					CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
				}, "bench-logger-" + c);
				t.start();
				senders.add(t);
			}
			for (Thread t : senders) {
				t.join();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			links.forEach(LoggerClient.Link::close);
			return new Result(packets, acknowledged.get(), failed.get(), seconds, new ArrayList<>(micros));
		}
	}

	/**
	 * The loggers' ordinary pace: each point sends one real-time packet a minute (spread
	 * over the minute) for {@code minutes} minutes over {@code connections} connections;
	 * the DataTime of round m is {@code firstMinute} + m. Waits for the last answers.
	 */
	public static Result steady(ApplicationContext app, List<String> mns, int connections, int minutes,
			LocalDateTime firstMinute) throws Exception {
		int port = receiverPort(app);
		List<Long> micros = Collections.synchronizedList(new ArrayList<>());
		AtomicLong acknowledged = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long sent = 0;
		try (LoggerClient client = new LoggerClient("127.0.0.1", port, 1)) {
			List<LoggerClient.Link> links = new ArrayList<>();
			for (int c = 0; c < connections; c++) {
				links.add(client.connect());
			}
			List<CompletableFuture<Long>> all = new ArrayList<>();
			long start = System.nanoTime();
			long spacingNanos = TimeUnit.MINUTES.toNanos(1) / mns.size();
			for (int m = 0; m < minutes; m++) {
				for (int i = 0; i < mns.size(); i++) {
					long due = start + TimeUnit.MINUTES.toNanos(m) + i * spacingNanos;
					long wait = due - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					LocalDateTime minute = firstMinute.plusMinutes(m);
					LoggerClient.Link link = links.get(i % connections);
					if (!link.isOpen()) {
						link = client.connect();
						links.set(i % connections, link);
					}
					CompletableFuture<Long> f = send(link, mns.get(i), minute, 60_000);
					sent++;
					f.whenComplete((nanos, ex) -> {
						if (ex == null) {
							acknowledged.incrementAndGet();
							micros.add(nanos / 1000);
						}
						else {
							failed.incrementAndGet();
						}
					});
					all.add(f);
				}
			}
			CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
			double seconds = (System.nanoTime() - start) / 1e9;
			links.forEach(LoggerClient.Link::close);
			return new Result(sent, acknowledged.get(), failed.get(), seconds, micros);
		}
	}

	// One real-time packet of the demo plan's point 1 values for the MN and minute.
	private static CompletableFuture<Long> send(LoggerClient.Link link, String mn, LocalDateTime minute,
			long timeoutMs) {
		Reading reading = DemoLoggers.reading(DemoLoggers.POINTS.get(0), minute);
		String qn = String.format(Locale.ROOT, "%017d", QN.incrementAndGet());
		return link.send(DemoLoggers.packet(mn, PASSWORD, "32", 5, minute, reading, qn), mn, qn, timeoutMs);
	}

	/**
	 * The real-time packets stored for the MNs with a DataTime in [from, to): distinct
	 * point and time pairs.
	 */
	public static long storedPackets(ApplicationContext app, List<String> mns, LocalDateTime from, LocalDateTime to) {
		Long n = app.getBean(JdbcTemplate.class).queryForObject("""
				SELECT count(DISTINCT (d.point_id, d.data_time)) FROM monitoring_data d
				JOIN monitoring_point p ON p.id = d.point_id
				WHERE p.mn = ANY(?) AND d.series = 'R' AND d.data_time >= ? AND d.data_time < ?
				""", Long.class, mns.toArray(String[]::new), Timestamp.valueOf(from), Timestamp.valueOf(to));
		return (n != null) ? n : 0;
	}

	/** The receiver's count of stored packets since it started. */
	public static long receiverStored(ApplicationContext app) {
		return app.getBean(ReceiverCounters.class).stored.get();
	}

	/** The zone of the application's clock. */
	public static ZoneId zone(ApplicationContext app) {
		return app.getBean(ZoneTime.class).zoneId();
	}

}
