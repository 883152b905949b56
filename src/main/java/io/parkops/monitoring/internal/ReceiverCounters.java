package io.parkops.monitoring.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

// What the receiver counted since it started: packets, stored, the packets refused by
// reason, and the connections open now and cut off; the same per MN for a point's page.
@Component
class ReceiverCounters {

	// Why a packet was not stored (or a connection was cut).
	enum Reason {

		BAD_CRC, UNKNOWN_MN, BAD_PASSWORD, MALFORMED, DUPLICATE

	}

	final AtomicLong packets = new AtomicLong();

	final AtomicLong stored = new AtomicLong();

	final AtomicLong connections = new AtomicLong();

	final AtomicLong refusedConnections = new AtomicLong();

	final AtomicLong cutOff = new AtomicLong();

	final AtomicLong oversize = new AtomicLong();

	private final Map<Reason, AtomicLong> refused = new ConcurrentHashMap<>();

	private final Map<String, PointHealth> byMn = new ConcurrentHashMap<>();

	final AtomicReference<Instant> startedAt = new AtomicReference<>();

	final AtomicReference<String> listening = new AtomicReference<>();

	long refused(Reason reason) {
		AtomicLong n = this.refused.get(reason);
		return (n != null) ? n.get() : 0;
	}

	void refuse(Reason reason, String mn) {
		this.refused.computeIfAbsent(reason, (r) -> new AtomicLong()).incrementAndGet();
		if (mn != null && reason != Reason.UNKNOWN_MN) {
			PointHealth h = health(mn);
			if (h != null) {
				h.refused.computeIfAbsent(reason, (r) -> new AtomicLong()).incrementAndGet();
				h.lastRefusedAt.set(Instant.now());
			}
		}
	}

	void storedFor(String mn) {
		this.stored.incrementAndGet();
		PointHealth h = health(mn);
		if (h != null) {
			h.stored.incrementAndGet();
		}
	}

	void packetFor(String mn) {
		PointHealth h = health(mn);
		if (h != null) {
			h.packets.incrementAndGet();
		}
	}

	private PointHealth health(String mn) {
		if (mn == null || mn.length() > 24) {
			return null;
		}
		return this.byMn.computeIfAbsent(mn, (k) -> new PointHealth());
	}

	// A point's counts, or an empty one.
	PointHealth of(String mn) {
		return this.byMn.getOrDefault(mn, new PointHealth());
	}

	// The counts of one MN.
	static final class PointHealth {

		final AtomicLong packets = new AtomicLong();

		final AtomicLong stored = new AtomicLong();

		final Map<Reason, AtomicLong> refused = new ConcurrentHashMap<>();

		final AtomicReference<Instant> lastRefusedAt = new AtomicReference<>();

		long refused(Reason reason) {
			AtomicLong n = this.refused.get(reason);
			return (n != null) ? n.get() : 0;
		}

	}

}
