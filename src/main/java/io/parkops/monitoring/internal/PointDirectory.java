package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

// The points as the receiver needs them, by MN, held in memory: what a packet is checked
// against (password, SM4 keys) and what its values are compared with (the limits). Loaded
// at start, reloaded for a point when it changes on this node and every minute for the
// changes of other nodes.
@Component
class PointDirectory {

	private final JdbcClient jdbc;

	private final KeyCipher cipher;

	private volatile Map<String, Point> byMn = new ConcurrentHashMap<>();

	private volatile Map<Long, Point> byId = new ConcurrentHashMap<>();

	PointDirectory(JdbcClient jdbc, KeyCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	Point byMn(String mn) {
		ensureLoaded();
		return this.byMn.get(mn);
	}

	// A point by id; one the maps do not hold yet (written in a transaction still open
	// while a scheduled reload ran outside it, as the demo data's) is read on its own.
	Point byId(long id) {
		ensureLoaded();
		Point p = this.byId.get(id);
		return (p != null) ? p : readOne(id);
	}

	List<Point> all() {
		ensureLoaded();
		return new ArrayList<>(this.byId.values());
	}

	private volatile boolean loaded;

	private void ensureLoaded() {
		if (!this.loaded) {
			reload();
		}
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	synchronized void reload() {
		Map<String, Point> mns = new ConcurrentHashMap<>();
		Map<Long, Point> ids = new ConcurrentHashMap<>();
		for (Point p : read(null)) {
			mns.put(p.mn(), p);
			ids.put(p.id(), p);
		}
		this.byMn = mns;
		this.byId = ids;
		this.loaded = true;
	}

	private synchronized Point readOne(long id) {
		List<Point> found = read(id);
		if (found.isEmpty()) {
			return null;
		}
		Point p = found.get(0);
		this.byId.put(id, p);
		this.byMn.put(p.mn(), p);
		return p;
	}

	// The points (one when an id is given) with their factors and keys.
	private List<Point> read(Long only) {
		String one = (only != null) ? " WHERE point_id = " + only : "";
		Map<Long, Map<String, Factor>> factors = new ConcurrentHashMap<>();
		this.jdbc
			.sql("SELECT point_id, code, name, unit, limit_value, warning_value FROM monitoring_factor" + one
					+ " ORDER BY point_id, position")
			.query((rs) -> {
				factors.computeIfAbsent(rs.getLong(1), (k) -> new LinkedHashMap<>())
					.put(rs.getString(2), new Factor(rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getBigDecimal(5), rs.getBigDecimal(6)));
			});
		Map<Long, List<byte[]>> keys = new ConcurrentHashMap<>();
		this.jdbc
			.sql("SELECT point_id, key_cipher FROM monitoring_point_key "
					+ "WHERE (valid_to IS NULL OR valid_to > now() - INTERVAL '1 day')"
					+ ((only != null) ? " AND point_id = " + only : "") + " ORDER BY point_id, valid_from DESC")
			.query((rs) -> {
				keys.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(this.cipher.decrypt(rs.getBytes(2)));
			});
		return this.jdbc
			.sql("SELECT id, zone_code, credit_code, mn, name, kind, password_hash FROM monitoring_point"
					+ ((only != null) ? " WHERE id = " + only : ""))
			.query((rs, n) -> {
				long id = rs.getLong(1);
				return new Point(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7), keys.getOrDefault(id, List.of()),
						factors.getOrDefault(id, Map.of()));
			})
			.list();
	}

	static String hash(String password) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// A point as the receiver sees it.
	// @param keys its SM4 keys, newest first (the current one and those ended within a
	// day, for loggers not yet switched)
	record Point(long id, String zoneCode, String creditCode, String mn, String name, String kind, String passwordHash,
			List<byte[]> keys, Map<String, Factor> factors) {

		boolean passwordMatches(String password) {
			return MessageDigest.isEqual(hash(password).getBytes(StandardCharsets.US_ASCII),
					this.passwordHash.getBytes(StandardCharsets.US_ASCII));
		}

	}

	// A factor with its permit limit and warning level (either may be missing).
	record Factor(String code, String name, String unit, BigDecimal limit, BigDecimal warning) {
	}

	// When a point was last heard from (kept in memory by the receiver's writer).
	record Heard(long pointId, Instant at) {
	}

}
