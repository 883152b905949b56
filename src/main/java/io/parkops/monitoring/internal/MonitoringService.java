package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.parkops.enterprise.CreditCode;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.monitoring.internal.MonitoringViews.AlarmView;
import io.parkops.monitoring.internal.MonitoringViews.DataPoint;
import io.parkops.monitoring.internal.MonitoringViews.FactorView;
import io.parkops.monitoring.internal.MonitoringViews.Items;
import io.parkops.monitoring.internal.MonitoringViews.Page;
import io.parkops.monitoring.internal.MonitoringViews.PointHealthView;
import io.parkops.monitoring.internal.MonitoringViews.PointView;
import io.parkops.monitoring.internal.MonitoringViews.ReceiverView;
import io.parkops.monitoring.internal.PointDirectory.Factor;
import io.parkops.monitoring.internal.ReceiverCounters.Reason;
import io.parkops.monitoring.internal.SeriesStore.Row;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

// Online monitoring for the API and the pages: points with their factors and keys, the
// series, the alarms and the receiver's counts, each within the caller's scope (staff
// their zones, an enterprise user its own points).
@Service
public class MonitoringService {

	// Point kinds: 废水, 废气, VOCs, 噪声, 雨水.
	public enum Kind {

		WATER, AIR, VOC, NOISE, RAIN

	}

	// Series intervals of the data API.
	public enum Interval {

		RAW('R', Duration.ofDays(31)), MINUTE('M', Duration.ofDays(31)), HOUR('H', Duration.ofDays(400)),
		DAY('D', Duration.ofDays(3700));

		final char series;

		final Duration maxSpan;

		Interval(char series, Duration maxSpan) {
			this.series = series;
			this.maxSpan = maxSpan;
		}

		// The interval of a stored series ('R', 'M', 'H' or 'D').
		static Interval of(char series) {
			for (Interval i : values()) {
				if (i.series == series) {
					return i;
				}
			}
			throw new IllegalArgumentException("series " + series);
		}

	}

	// Alarm kinds and states.
	public enum AlarmKind {

		EXCEEDANCE, INSTRUMENT, OFFLINE

	}

	public enum AlarmStatus {

		OPEN, CLOSED

	}

	static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	private final JdbcClient jdbc;

	private final PointDirectory directory;

	private final SeriesStore series;

	private final AlarmStore alarms;

	private final AlarmEngine engine;

	private final ReceiverCounters counters;

	private final Hj212Receiver receiver;

	private final KeyCipher cipher;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final ZoneTime zoneTime;

	private final AuditTrail audit;

	private final MonitoringProperties properties;

	private final ReceiverTotals totals;

	MonitoringService(JdbcClient jdbc, PointDirectory directory, SeriesStore series, AlarmStore alarms,
			AlarmEngine engine, ReceiverCounters counters, Hj212Receiver receiver, KeyCipher cipher,
			EnterpriseRegistry enterprises, ZoneDirectory zones, ZoneTime zoneTime, AuditTrail audit,
			MonitoringProperties properties, ReceiverTotals totals) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.series = series;
		this.alarms = alarms;
		this.engine = engine;
		this.counters = counters;
		this.receiver = receiver;
		this.cipher = cipher;
		this.enterprises = enterprises;
		this.zones = zones;
		this.zoneTime = zoneTime;
		this.audit = audit;
		this.properties = properties;
		this.totals = totals;
	}

	// ---- points

	@Transactional
	public PointView registerPoint(MonitoringCommands.RegisterPoint cmd) {
		requireStaff();
		Inputs in = new Inputs();
		String zone = in.text(cmd.zoneCode(), "zoneCode", 32, true);
		if (zone != null) {
			if (this.zones.zone(zone).isEmpty()) {
				in.problem("zoneCode", "error.zoneNotFound", Inputs.shorten(zone));
				zone = null;
			}
			else {
				CurrentUser.get().checkZone(zone);
			}
		}
		String code = in.text(cmd.enterpriseCreditCode(), "enterpriseCreditCode", 18, true);
		Enterprise enterprise = null;
		if (code != null) {
			String normalized = CreditCode.normalize(code);
			enterprise = (normalized != null) ? this.enterprises.find(normalized).orElse(null) : null;
			if (enterprise == null) {
				in.problem("enterpriseCreditCode", "error.enterpriseNotFound", Inputs.shorten(code));
			}
			else if (zone != null && !enterprise.zoneCode().equals(zone)) {
				in.problem("enterpriseCreditCode", "error.monitoring.enterpriseNotInZone", enterprise.name());
			}
		}
		String mn = in.text(cmd.mn(), "mn", 24, true);
		if (mn != null && !mn.matches("[0-9A-Za-z]{1,24}")) {
			in.problem("mn", "error.monitoring.mn");
		}
		String name = in.text(cmd.name(), "name", 100, true);
		Kind kind = in.choice(Kind.class, cmd.kind(), "kind", true);
		String location = in.text(cmd.location(), "location", 200, false);
		String password = password(in, cmd.password(), true);
		byte[] key = key(in, cmd.sm4Key());
		List<Factor> checked = factors(in, cmd.factors());
		BigDecimal[] at = coordinates(in, cmd.longitude(), cmd.latitude());
		in.check();
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO monitoring_point (zone_code, credit_code, mn, name, kind, location, password_hash,
					  longitude, latitude, created_by)
					VALUES (:zone, :cc, :mn, :name, :kind, :location, :hash, :lon, :lat, :by) RETURNING id
					""")
				.param("zone", zone)
				.param("cc", enterprise.creditCode())
				.param("mn", mn)
				.param("name", name)
				.param("kind", kind.name())
				.param("location", location)
				.param("hash", PointDirectory.hash(password))
				.param("lon", at[0])
				.param("lat", at[1])
				.param("by", CurrentUser.usernameOrSystem())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("error.monitoring.mnTaken", mn);
		}
		insertFactors(id, checked);
		if (key != null) {
			insertKey(id, key);
		}
		this.directory.reload();
		PointView saved = view(id);
		this.audit.recordChange("CREATE", "monitoring_point", Long.toString(id), null, saved);
		return saved;
	}

	private void insertFactors(long id, List<Factor> factors) {
		int position = 0;
		for (Factor f : factors) {
			this.jdbc.sql("""
					INSERT INTO monitoring_factor (point_id, code, name, unit, limit_value, warning_value, position)
					VALUES (:id, :code, :name, :unit, :limit, :warning, :position)
					""")
				.param("id", id)
				.param("code", f.code())
				.param("name", f.name())
				.param("unit", f.unit())
				.param("limit", f.limit())
				.param("warning", f.warning())
				.param("position", position++)
				.update();
		}
	}

	// The logger's password (PW): printable ASCII without ; = & , (HJ 212's separators),
	// at most 32 characters.
	private static String password(Inputs in, String value, boolean required) {
		String password = in.text(value, "password", 32, required);
		if (password != null && !password.matches("[\\x21-\\x7E&&[^;=&,]]{1,32}")) {
			in.problem("password", "error.monitoring.password");
		}
		return password;
	}

	// The factors: at least one, at most 30, codes unique, warning level not above the
	// limit.
	private static List<Factor> factors(Inputs in, List<MonitoringCommands.FactorInput> given) {
		List<MonitoringCommands.FactorInput> factors = (given != null) ? given : List.of();
		if (factors.isEmpty()) {
			in.problem("factors", "error.required");
		}
		if (factors.size() > 30) {
			in.problem("factors", "error.monitoring.tooManyFactors", 30);
		}
		Set<String> codes = new HashSet<>();
		List<Factor> checked = new ArrayList<>();
		for (int i = 0; i < factors.size() && i < 30; i++) {
			MonitoringCommands.FactorInput f = factors.get(i);
			String field = "factors[" + i + "]";
			if (f == null) {
				in.problem(field, "error.required");
				continue;
			}
			String fc = in.text(f.code(), field + ".code", 16, true);
			if (fc != null && !fc.matches("[A-Za-z0-9]{1,16}")) {
				in.problem(field + ".code", "error.monitoring.factorCode");
			}
			else if (fc != null && !codes.add(fc)) {
				in.problem(field + ".code", "error.monitoring.factorTwice", fc);
			}
			String fn = in.text(f.name(), field + ".name", 50, true);
			String unit = in.text(f.unit(), field + ".unit", 16, true);
			BigDecimal limit = in.number(f.limit(), field + ".limit", 14, 4, BigDecimal.ZERO, false);
			BigDecimal warning = in.number(f.warning(), field + ".warning", 14, 4, BigDecimal.ZERO, false);
			if (limit != null && warning != null && warning.compareTo(limit) > 0) {
				in.problem(field + ".warning", "error.monitoring.warningAboveLimit");
			}
			checked.add(new Factor(fc, fn, unit, limit, warning));
		}
		return checked;
	}

	static final BigDecimal LONGITUDE = new BigDecimal("180");

	static final BigDecimal LATITUDE = new BigDecimal("90");

	// Longitude and latitude (WGS 84 degrees, at most 6 decimals): both or neither.
	static BigDecimal[] coordinates(Inputs in, BigDecimal longitude, BigDecimal latitude) {
		BigDecimal lon = in.number(longitude, "longitude", 9, 6, null, false);
		BigDecimal lat = in.number(latitude, "latitude", 8, 6, null, false);
		if (lon != null && lon.abs().compareTo(LONGITUDE) > 0) {
			in.problem("longitude", "error.number.range", "-180", "180");
			lon = null;
		}
		if (lat != null && lat.abs().compareTo(LATITUDE) > 0) {
			in.problem("latitude", "error.number.range", "-90", "90");
			lat = null;
		}
		if (longitude != null && latitude == null) {
			in.problem("latitude", "error.monitoring.coordinatesBoth");
		}
		if (latitude != null && longitude == null) {
			in.problem("longitude", "error.monitoring.coordinatesBoth");
		}
		return new BigDecimal[] { lon, lat };
	}

	// Changes a point (staff of its zone): its name, kind, location, coordinates and
	// factors with their limits as sent, the logger's password when one is sent (stored
	// as its hash, never answered). The version must be the one read: another → 409.
	@Transactional
	public PointView updatePoint(String mn, MonitoringCommands.UpdatePoint cmd, Long version) {
		requireStaff();
		PointView before = point(mn);
		Long requested = (version != null) ? version : cmd.version();
		Inputs in = new Inputs();
		if (requested == null) {
			in.problem("version", "error.required");
		}
		String name = in.text(cmd.name(), "name", 100, true);
		Kind kind = in.choice(Kind.class, cmd.kind(), "kind", true);
		String location = in.text(cmd.location(), "location", 200, false);
		String password = password(in, Inputs.trim(cmd.password()), false);
		List<Factor> checked = factors(in, cmd.factors());
		BigDecimal[] at = coordinates(in, cmd.longitude(), cmd.latitude());
		in.check();
		io.parkops.platform.Versions
			.expect(this.jdbc.sql("SELECT version FROM monitoring_point WHERE id = :id FOR UPDATE")
				.param("id", before.id())
				.query(Long.class)
				.single(), requested);
		this.jdbc.sql("""
				UPDATE monitoring_point SET name = :name, kind = :kind, location = :location, longitude = :lon,
				  latitude = :lat, password_hash = COALESCE(:hash, password_hash), version = version + 1
				WHERE id = :id
				""")
			.param("name", name)
			.param("kind", kind.name())
			.param("location", location)
			.param("lon", at[0])
			.param("lat", at[1])
			.param("hash", (password != null) ? PointDirectory.hash(password) : null)
			.param("id", before.id())
			.update();
		this.jdbc.sql("DELETE FROM monitoring_factor WHERE point_id = :id").param("id", before.id()).update();
		insertFactors(before.id(), checked);
		this.directory.reload();
		PointView saved = view(before.id());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("point", saved);
		after.put("passwordChanged", password != null);
		this.audit.recordChange("UPDATE", "monitoring_point", Long.toString(saved.id()), before, after);
		return saved;
	}

	private byte[] key(Inputs in, String value) {
		String hex = in.text(value, "sm4Key", 32, false);
		if (hex == null) {
			return null;
		}
		if (!hex.matches("[0-9A-Fa-f]{32}")) {
			in.problem("sm4Key", "error.monitoring.sm4Key");
			return null;
		}
		return Sm4DataArea.key(hex);
	}

	private void insertKey(long pointId, byte[] key) {
		this.jdbc.sql("UPDATE monitoring_point_key SET valid_to = now() WHERE point_id = :id AND valid_to IS NULL")
			.param("id", pointId)
			.update();
		this.jdbc.sql("INSERT INTO monitoring_point_key (point_id, key_cipher, created_by) VALUES (:id, :k, :by)")
			.param("id", pointId)
			.param("k", this.cipher.encrypt(key))
			.param("by", CurrentUser.usernameOrSystem())
			.update();
	}

	// A new SM4 key for the point; the previous one stays valid for a day.
	@Transactional
	public PointView rotateKey(String mn, MonitoringCommands.RotateKey cmd) {
		requireStaff();
		PointView point = point(mn);
		Inputs in = new Inputs();
		byte[] key = key(in, cmd.sm4Key());
		if (key == null && !in.has("sm4Key")) {
			in.problem("sm4Key", "error.required");
		}
		in.check();
		insertKey(point.id(), key);
		this.directory.reload();
		this.audit.recordChange("ROTATE_KEY", "monitoring_point", Long.toString(point.id()), null,
				Map.of("mn", point.mn()));
		return view(point.id());
	}

	// The key history of a point: from, to, who (never the key).
	public List<Map<String, Object>> keyHistory(String mn) {
		PointView point = point(mn);
		requireStaff();
		return this.jdbc
			.sql("SELECT valid_from, valid_to, created_by FROM monitoring_point_key WHERE point_id = :id "
					+ "ORDER BY valid_from DESC")
			.param("id", point.id())
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("validFrom", this.zoneTime.formatSeconds(rs.getTimestamp(1).toInstant()));
				Timestamp to = rs.getTimestamp(2);
				m.put("validTo", (to != null) ? this.zoneTime.formatSeconds(to.toInstant()) : null);
				m.put("createdBy", rs.getString(3));
				return m;
			})
			.list();
	}

	private static void requireStaff() {
		if (CurrentUser.get().isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
	}

	// The zones the caller reads, narrowed to one if given.
	List<String> scopeZones(String zone) {
		CurrentUser me = CurrentUser.get();
		String z = Inputs.trim(zone);
		if (me.isEnterpriseUser()) {
			Enterprise own = this.enterprises.find(me.enterpriseCreditCode()).orElse(null);
			if (own == null || (z != null && !z.equals(own.zoneCode()))) {
				return List.of();
			}
			return List.of(own.zoneCode());
		}
		if (z != null) {
			me.checkZone(z);
			this.zones.require(z);
			return List.of(z);
		}
		return this.zones.zones().stream().map(ZoneDirectory.Zone::code).filter(me::canSeeZone).toList();
	}

	private static String ownEnterprise() {
		CurrentUser me = CurrentUser.get();
		return me.isEnterpriseUser() ? me.enterpriseCreditCode() : null;
	}

	public Page<PointView> points(String zone, String q, String kind, String enterprise, int page, int size) {
		List<String> zoneCodes = scopeZones(zone);
		Inputs in = new Inputs();
		Kind k = in.choice(Kind.class, kind, "kind", false);
		String text = in.text(q, "q", 100, false);
		in.check();
		String cc = ownEnterprise();
		if (cc == null) {
			cc = Inputs.trim(enterprise);
		}
		StringBuilder where = new StringBuilder(" WHERE p.zone_code = ANY(:zones)");
		Map<String, Object> params = new HashMap<>();
		params.put("zones", zoneCodes.toArray(String[]::new));
		if (cc != null) {
			where.append(" AND p.credit_code = :cc");
			params.put("cc", cc);
		}
		if (k != null) {
			where.append(" AND p.kind = :kind");
			params.put("kind", k.name());
		}
		if (text != null) {
			where.append(" AND (p.name ILIKE :q OR p.mn ILIKE :q)");
			params.put("q", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		long total = this.jdbc.sql("SELECT count(*) FROM monitoring_point p" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Long> ids = this.jdbc
			.sql("SELECT p.id FROM monitoring_point p" + where + " ORDER BY p.zone_code, p.name, p.id"
					+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Long.class)
			.list();
		return new Page<>(views(ids), total);
	}

	// A point the caller may read.
	public PointView point(String mn) {
		Long id = this.jdbc.sql("SELECT id FROM monitoring_point WHERE mn = :mn")
			.param("mn", mn)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("error.monitoring.pointNotFound", Inputs.shorten(mn)));
		PointView view = view(id);
		CurrentUser.get().checkEnterprise(view.enterpriseCreditCode(), view.zoneCode());
		return view;
	}

	private PointView view(long id) {
		return views(List.of(id)).get(0);
	}

	List<PointView> views(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Instant onlineSince = Instant.now().minus(this.properties.offlineAfter());
		Map<Long, List<Row>> latest = new HashMap<>();
		LocalDateTime since = LocalDateTime.now(this.zoneTime.zoneId()).minusDays(40);
		for (Row r : this.series.latest(ids, since)) {
			latest.computeIfAbsent(r.pointId(), (k) -> new ArrayList<>()).add(r);
		}
		Map<Long, Long> open = new HashMap<>();
		Set<Long> exceeding = new HashSet<>();
		this.jdbc
			.sql("SELECT point_id, count(*), count(*) FILTER (WHERE kind = 'EXCEEDANCE') FROM monitoring_alarm "
					+ "WHERE status = 'OPEN' AND point_id = ANY(:ids) GROUP BY point_id")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs) -> {
				open.put(rs.getLong(1), rs.getLong(2));
				if (rs.getLong(3) > 0) {
					exceeding.add(rs.getLong(1));
				}
			});
		Map<Long, List<FactorView>> factors = new HashMap<>();
		this.jdbc
			.sql("SELECT point_id, code, name, unit, limit_value, warning_value FROM monitoring_factor "
					+ "WHERE point_id = ANY(:ids) ORDER BY point_id, position")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs) -> {
				long pid = rs.getLong(1);
				String code = rs.getString(2);
				BigDecimal limit = rs.getBigDecimal(5);
				Row last = latest.getOrDefault(pid, List.of())
					.stream()
					.filter((r) -> r.factor().equals(code))
					.findFirst()
					.orElse(null);
				BigDecimal value = (last != null) ? last.value() : null;
				boolean above = last != null && limit != null && last.effective() != null
						&& last.effective().compareTo(limit) > 0;
				factors.computeIfAbsent(pid, (k) -> new ArrayList<>())
					.add(new FactorView(code, rs.getString(3), rs.getString(4), limit, rs.getBigDecimal(6), value,
							(last != null) ? last.flag() : null, (last != null) ? LOCAL.format(last.time()) : null,
							(last != null) ? Interval.of(last.series()).name() : null, above));
			});
		Map<Long, PointView> byId = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		this.jdbc.sql("""
				SELECT p.id, p.mn, p.name, p.zone_code, p.credit_code, p.kind, p.location, p.last_packet_at,
				  EXISTS (SELECT 1 FROM monitoring_point_key k WHERE k.point_id = p.id AND k.valid_to IS NULL) AS enc,
				  p.version, p.longitude, p.latitude
				FROM monitoring_point p WHERE p.id = ANY(:ids)
				""").param("ids", ids.toArray(Long[]::new)).query((rs) -> {
			long pid = rs.getLong(1);
			Timestamp last = rs.getTimestamp(8);
			String cc = rs.getString(5);
			String enterpriseName = names.computeIfAbsent(cc,
					(c) -> this.enterprises.find(c).map(Enterprise::name).orElse(c));
			boolean online = last != null && last.toInstant().isAfter(onlineSince);
			String status = exceeding.contains(pid) ? "EXCEEDING" : online ? "ONLINE" : "OFFLINE";
			byId.put(pid,
					new PointView(pid, rs.getString(2), rs.getString(3), rs.getString(4), cc, enterpriseName,
							rs.getString(6), rs.getString(7), online, (last != null) ? offset(last.toInstant()) : null,
							rs.getBoolean(9), open.getOrDefault(pid, 0L), factors.getOrDefault(pid, List.of()),
							rs.getLong(10), rs.getBigDecimal(11), rs.getBigDecimal(12), status));
		});
		return ids.stream().map(byId::get).toList();
	}

	// An instant as the zone's offset date-time ({@code 2026-11-20T08:00:00+08:00}).
	String offset(Instant instant) {
		return OffsetDateTime.ofInstant(instant, this.zoneTime.zoneId())
			.truncatedTo(ChronoUnit.SECONDS)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	// ---- series

	public Items<DataPoint> data(String mn, String factor, String from, String to, String interval) {
		PointView point = point(mn);
		Inputs in = new Inputs();
		Interval iv = in.choice(Interval.class, (interval != null) ? interval : "MINUTE", "interval", true);
		String code = in.text(factor, "factor", 16, false);
		if (code == null && !point.factors().isEmpty()) {
			code = point.factors().get(0).code();
		}
		else if (code != null && point.factors().stream().noneMatch((f) -> f.code().equals(factor))) {
			in.problem("factor", "error.monitoring.factorUnknown", Inputs.shorten(factor));
		}
		LocalDateTime t = time(in, to, "to");
		LocalDateTime f = time(in, from, "from");
		in.check();
		ZoneId zone = this.zoneTime.zoneId();
		if (t == null) {
			t = LocalDateTime.now(zone).plusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
		}
		if (f == null) {
			f = switch (iv) {
				case RAW, MINUTE -> t.minusDays(1);
				case HOUR -> t.minusDays(7);
				case DAY -> t.minusDays(365);
			};
		}
		if (!f.isBefore(t)) {
			throw io.parkops.platform.InvalidInputException.of("from", "error.monitoring.fromAfterTo");
		}
		if (Duration.between(f, t).compareTo(iv.maxSpan) > 0) {
			throw io.parkops.platform.InvalidInputException.of("from", "error.monitoring.spanTooLong",
					iv.maxSpan.toDays());
		}
		if (code == null) {
			return new Items<>(List.of());
		}
		List<DataPoint> items = this.series.series(point.id(), code, iv.series, f, t, 100_000)
			.stream()
			.map((r) -> new DataPoint(LOCAL.format(r.time()), r.value(), r.min(), r.max(), r.flag(), r.backfilled()))
			.toList();
		return new Items<>(items);
	}

	// A date ({@code 2026-11-20}) or local date-time ({@code 2026-11-20T08:00:00}).
	static LocalDateTime time(Inputs in, String value, String field) {
		String v = in.text(value, field, 19, false);
		if (v == null) {
			return null;
		}
		try {
			LocalDateTime t = (v.length() == 10) ? LocalDate.parse(v).atStartOfDay() : LocalDateTime.parse(v);
			if (t.getYear() < 2000 || t.getYear() > 2100) {
				in.problem(field, "error.monitoring.time");
				return null;
			}
			return t;
		}
		catch (DateTimeParseException ex) {
			in.problem(field, "error.monitoring.time");
			return null;
		}
	}

	// ---- alarms

	public Page<AlarmView> alarms(String zone, String kind, String status, String from, String to, String mn, int page,
			int size) {
		List<String> zoneCodes = scopeZones(zone);
		Inputs in = new Inputs();
		AlarmKind k = in.choice(AlarmKind.class, kind, "kind", false);
		AlarmStatus s = in.choice(AlarmStatus.class, status, "status", false);
		LocalDateTime f = time(in, from, "from");
		LocalDateTime t = time(in, to, "to");
		String point = in.text(mn, "mn", 24, false);
		in.check();
		ZoneId z = this.zoneTime.zoneId();
		AlarmStore.Filter filter = new AlarmStore.Filter(zoneCodes, ownEnterprise(), point,
				(k != null) ? k.name() : null, (s != null) ? s.name() : null,
				(f != null) ? f.atZone(z).toInstant() : null, (t != null) ? t.atZone(z).toInstant() : null);
		long total = this.alarms.count(filter);
		List<AlarmView> items = this.alarms.list(filter, size, page * size).stream().map(this::alarmView).toList();
		return new Page<>(items, total);
	}

	// Every alarm of the filter (for the export), newest first.
	public List<AlarmView> allAlarms(String zone, String kind, String status, String from, String to, String mn) {
		return alarms(zone, kind, status, from, to, mn, 0, 100_000).items();
	}

	public AlarmView alarm(long id) {
		AlarmStore.Alarm alarm = this.alarms.find(id)
			.orElseThrow(() -> new NotFoundException("error.monitoring.alarmNotFound", id));
		CurrentUser.get().checkEnterprise(alarm.creditCode(), alarm.zoneCode());
		return alarmView(alarm);
	}

	AlarmView alarmView(AlarmStore.Alarm a) {
		PointDirectory.Point point = this.directory.byId(a.pointId());
		Factor factor = (point != null) ? point.factors().get(a.factor()) : null;
		String enterpriseName = this.enterprises.find(a.creditCode()).map(Enterprise::name).orElse(a.creditCode());
		return new AlarmView(a.id(), a.mn(), a.factor().isEmpty() ? null : a.factor(), a.kind(), a.status(),
				offset(a.openedAt()), (a.closedAt() != null) ? offset(a.closedAt()) : null, a.maxValue(), a.limit(),
				a.pointName(), (factor != null) ? factor.name() : null, (factor != null) ? factor.unit() : null,
				a.creditCode(), enterpriseName, a.zoneCode(), a.hazardId());
	}

	// Turns an alarm into a hazard of category 环保 (staff, once).
	@Transactional
	public MonitoringViews.HazardLink toHazard(long id) {
		requireStaff();
		AlarmStore.Alarm alarm = this.alarms.find(id)
			.orElseThrow(() -> new NotFoundException("error.monitoring.alarmNotFound", id));
		CurrentUser.get().checkEnterprise(alarm.creditCode(), alarm.zoneCode());
		if (alarm.hazardId() != null) {
			throw new ConflictException("error.monitoring.alarmHasHazard");
		}
		this.engine.toHazard(alarm);
		AlarmStore.Alarm linked = this.alarms.find(id).orElseThrow();
		this.audit.recordChange("TO_HAZARD", "monitoring_alarm", Long.toString(id), null,
				Map.of("hazardId", linked.hazardId()));
		return new MonitoringViews.HazardLink(linked.hazardId());
	}

	// ---- receiver

	// The counts of all nodes since their first start (ReceiverTotals).
	public ReceiverView receiver() {
		Instant started = this.counters.startedAt.get();
		int port = this.receiver.port();
		ReceiverTotals.Totals t = this.totals.totals();
		return new ReceiverView(t.get(ReceiverTotals.Field.PACKETS), t.get(ReceiverTotals.Field.STORED),
				t.get(ReceiverTotals.Field.BAD_CRC), t.get(ReceiverTotals.Field.UNKNOWN_MN),
				t.get(ReceiverTotals.Field.BAD_PASSWORD), t.get(ReceiverTotals.Field.MALFORMED),
				t.get(ReceiverTotals.Field.DUPLICATES), t.connections(), port > 0, (port > 0) ? port : null,
				t.get(ReceiverTotals.Field.REFUSED_CONNECTIONS), t.get(ReceiverTotals.Field.CUT_OFF),
				t.get(ReceiverTotals.Field.OVERSIZE), (started != null) ? offset(started) : null);
	}

	public PointHealthView health(String mn) {
		ReceiverCounters.PointHealth h = this.counters.of(mn);
		Instant last = h.lastRefusedAt.get();
		return new PointHealthView(h.packets.get(), h.stored.get(), h.refused(Reason.BAD_CRC),
				h.refused(Reason.BAD_PASSWORD), h.refused(Reason.MALFORMED), h.refused(Reason.DUPLICATE),
				(last != null) ? offset(last) : null);
	}

	static String lower(Enum<?> e) {
		return e.name().toLowerCase(Locale.ROOT);
	}

}
