package io.parkops.monitoring.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.parkops.monitoring.internal.DemoLoggers.Reading;
import io.parkops.monitoring.internal.DemoLoggers.Spec;
import io.parkops.platform.ZoneTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

// The demo zone's simulated data loggers: every {@code simulator.interval} (a minute) each
// demo point that exists (MonitoringDemoData) sends its real-time packet (2011, Flag asking
// for an acknowledgement) over its own TCP connection to the running receiver, with the
// values, maintenance spells, exceedances and silences of DemoLoggers. It runs only when
// {@code parkops.monitoring.simulator.enabled} (on by default, off in tests) and the
// receiver listens; with several nodes one sends per interval (scheduler lock). Sending is
// asynchronous, so a tick never holds the scheduler; the connections close on shutdown.
@Component
class LoggerSimulator implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LoggerSimulator.class);

	private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

	private final MonitoringProperties properties;

	private final Hj212Receiver receiver;

	private final PointDirectory directory;

	private final ZoneTime zoneTime;

	private final Map<String, LoggerClient.Link> links = new ConcurrentHashMap<>();

	private volatile LoggerClient client;

	private volatile boolean running;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong acknowledged = new AtomicLong();

	LoggerSimulator(MonitoringProperties properties, Hj212Receiver receiver, PointDirectory directory,
			ZoneTime zoneTime) {
		this.properties = properties;
		this.receiver = receiver;
		this.directory = directory;
		this.zoneTime = zoneTime;
	}

	@Scheduled(fixedRateString = "${parkops.monitoring.simulator.interval:1m}", initialDelayString = "PT20S")
	@SchedulerLock(name = "monitoring-simulator", lockAtMostFor = "PT50S", lockAtLeastFor = "PT50S")
	void scheduled() {
		if (!this.properties.simulator().enabled() || !this.properties.hj212().enabled()) {
			return;
		}
		try {
			tick(LocalDateTime.now(this.zoneTime.zoneId()));
		}
		catch (RuntimeException ex) {
			log.warn("Simulated HJ 212 loggers could not send: {}", ex.getMessage());
		}
	}

	// Sends the real-time packet of the minute {@code at} of each demo point that is not
	// silent then; answers the acknowledgements to come (empty when the receiver does not
	// listen or the demo points do not exist).
	synchronized List<CompletableFuture<Long>> tick(LocalDateTime at) {
		int port = this.receiver.port();
		if (!this.running || port <= 0) {
			return List.of();
		}
		LocalDateTime minute = at.truncatedTo(ChronoUnit.MINUTES);
		String qnStem = QN.format(LocalDateTime.now(this.zoneTime.zoneId()));
		List<CompletableFuture<Long>> answers = new ArrayList<>();
		for (Spec spec : DemoLoggers.POINTS) {
			if (this.directory.byMn(spec.mn()) == null) {
				continue;
			}
			Reading reading = DemoLoggers.reading(spec, minute);
			if (reading == null) {
				continue;
			}
			LoggerClient.Link link;
			try {
				link = link(spec.mn(), port);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return answers;
			}
			// QN: the send time, its milliseconds a running number (unique per point)
			String qn = qnStem.substring(0, 14) + String.format(java.util.Locale.ROOT, "%03d", this.sent.get() % 1000);
			CompletableFuture<Long> answered = link.send(DemoLoggers.packet(spec, minute, reading, qn), spec.mn(), qn,
					30_000);
			this.sent.incrementAndGet();
			// the caller's future completes once the answer is counted
			answers.add(answered.thenApply((latency) -> {
				this.acknowledged.incrementAndGet();
				return latency;
			}));
		}
		return answers;
	}

	private LoggerClient.Link link(String mn, int port) throws InterruptedException {
		LoggerClient.Link link = this.links.get(mn);
		if (link != null && link.isOpen()) {
			return link;
		}
		if (link != null) {
			link.close();
		}
		LoggerClient c = this.client;
		if (c == null) {
			String host = this.properties.hj212().host().isBlank() ? "127.0.0.1" : this.properties.hj212().host();
			c = new LoggerClient(host, port, 1);
			this.client = c;
		}
		link = c.connect();
		this.links.put(mn, link);
		return link;
	}

	// Packets sent since start.
	long sent() {
		return this.sent.get();
	}

	// Packets acknowledged since start.
	long acknowledged() {
		return this.acknowledged.get();
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.links.values().forEach(LoggerClient.Link::close);
		this.links.clear();
		LoggerClient c = this.client;
		this.client = null;
		if (c != null) {
			c.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Stops before the receiver (whose phase is higher still): its packets are answered.
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 50;
	}

}
