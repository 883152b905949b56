package io.parkops.land.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.land.internal.LandViews.BatchView;
import io.parkops.land.internal.LandViews.DisposalView;
import io.parkops.land.internal.LandViews.ExpropriationView;
import io.parkops.land.internal.LandViews.NoticeView;
import io.parkops.land.internal.LandViews.StandardLandView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of parcels, expropriations, approval batches, supplies, idle-land notices and
 * disposals.
 */
@Repository
class LandStore {

	private final JdbcClient jdbc;

	LandStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- parcels

	/** A parcel row with its geometry as stored (GeoJSON text). */
	record ParcelRow(long id, String zoneCode, String code, BigDecimal areaMu, String use, String status,
			String ownerCreditCode, String location, String geometry, boolean inefficient, long version) {
	}

	private static ParcelRow parcel(ResultSet rs, int n) throws SQLException {
		return new ParcelRow(rs.getLong("id"), rs.getString("zone_code"), rs.getString("code"),
				rs.getBigDecimal("area_mu"), rs.getString("use"), rs.getString("status"),
				rs.getString("owner_credit_code"), rs.getString("location"), rs.getString("geometry"),
				rs.getBoolean("inefficient"), rs.getLong("version"));
	}

	Optional<Long> insertParcel(String zone, String code, BigDecimal areaMu, String use, String status, String owner,
			String location, String geometry, String by) {
		return this.jdbc.sql("""
				INSERT INTO land_parcel (zone_code, code, area_mu, use, status, owner_credit_code, location, geometry,
				  created_by) VALUES (:z, :code, :area, :use, :status, :owner, :loc, :geo, :by)
				ON CONFLICT (zone_code, code) DO NOTHING RETURNING id
				""")
			.param("z", zone)
			.param("code", code)
			.param("area", areaMu)
			.param("use", use)
			.param("status", status)
			.param("owner", owner)
			.param("loc", location)
			.param("geo", geometry)
			.param("by", by)
			.query(Long.class)
			.optional();
	}

	Optional<ParcelRow> parcel(long id) {
		return this.jdbc.sql("SELECT * FROM land_parcel WHERE id = :id")
			.param("id", id)
			.query(LandStore::parcel)
			.optional();
	}

	Optional<ParcelRow> parcel(String zone, String code) {
		return this.jdbc.sql("SELECT * FROM land_parcel WHERE zone_code = :z AND code = :c")
			.param("z", zone)
			.param("c", code)
			.query(LandStore::parcel)
			.optional();
	}

	List<ParcelRow> parcels(List<String> zones, String owner, String status, String use, String q, int offset,
			int limit) {
		return this.jdbc
			.sql("SELECT * FROM land_parcel" + parcelWhere(status, use, q, owner)
					+ " ORDER BY zone_code, code LIMIT :limit OFFSET :offset")
			.params(parcelParams(zones, owner, status, use, q))
			.param("limit", limit)
			.param("offset", offset)
			.query(LandStore::parcel)
			.list();
	}

	long countParcels(List<String> zones, String owner, String status, String use, String q) {
		return this.jdbc.sql("SELECT count(*) FROM land_parcel" + parcelWhere(status, use, q, owner))
			.params(parcelParams(zones, owner, status, use, q))
			.query(Long.class)
			.single();
	}

	private static String parcelWhere(String status, String use, String q, String owner) {
		StringBuilder where = new StringBuilder(" WHERE zone_code = ANY(:zones)");
		if (status != null) {
			where.append(" AND status = :status");
		}
		if (use != null) {
			where.append(" AND use = :use");
		}
		if (owner != null) {
			where.append(" AND owner_credit_code = :owner");
		}
		if (q != null) {
			where.append(" AND (code ILIKE :q OR coalesce(location, '') ILIKE :q)");
		}
		return where.toString();
	}

	private static Map<String, Object> parcelParams(List<String> zones, String owner, String status, String use,
			String q) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("zones", zones.toArray(String[]::new));
		params.put("owner", owner);
		params.put("status", status);
		params.put("use", use);
		params.put("q", (q != null) ? "%" + q.replace("%", "\\%").replace("_", "\\_") + "%" : null);
		return params;
	}

	/** Flags the parcels the enterprises hold in the zone as 低效用地 (a D class). */
	int flagInefficient(String zone, List<String> owners) {
		return this.jdbc.sql("""
				UPDATE land_parcel SET inefficient = true, version = version + 1
				WHERE zone_code = :z AND owner_credit_code = ANY(:cc) AND NOT inefficient
				""").param("z", zone).param("cc", owners.toArray(String[]::new)).update();
	}

	int changeParcel(long id, long version, String status, String owner, boolean inefficient) {
		return this.jdbc.sql("""
				UPDATE land_parcel SET status = :status, owner_credit_code = :owner, inefficient = :ineff,
				  version = version + 1 WHERE id = :id AND version = :v
				""")
			.param("status", status)
			.param("owner", owner)
			.param("ineff", inefficient)
			.param("id", id)
			.param("v", version)
			.update();
	}

	void supplied(long parcelId, String owner) {
		this.jdbc.sql("""
				UPDATE land_parcel SET status = 'SUPPLIED', owner_credit_code = :owner, version = version + 1
				WHERE id = :id
				""").param("owner", owner).param("id", parcelId).update();
	}

	void reclaimed(long parcelId) {
		this.jdbc.sql("""
				UPDATE land_parcel SET status = 'RESERVE', owner_credit_code = NULL, version = version + 1
				WHERE id = :id
				""").param("id", parcelId).update();
	}

	/** The land of each enterprise of a zone (亩), from the parcels it owns. */
	Map<String, BigDecimal> landByOwner(String zone) {
		Map<String, BigDecimal> land = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT owner_credit_code, sum(area_mu) AS mu FROM land_parcel
				WHERE zone_code = :z AND owner_credit_code IS NOT NULL GROUP BY owner_credit_code
				""").param("z", zone).query((rs) -> {
			land.put(rs.getString(1), rs.getBigDecimal(2));
		});
		return land;
	}

	// ---- expropriations

	private static ExpropriationView expropriation(ResultSet rs, int n) throws SQLException {
		return new ExpropriationView(rs.getLong("id"), rs.getString("zone_code"),
				rs.getObject("on_date", LocalDate.class), rs.getBigDecimal("area_mu"), rs.getInt("households"),
				rs.getInt("graves"), rs.getBigDecimal("houses_m2"), rs.getBigDecimal("compensation"));
	}

	long insertExpropriation(String zone, LocalDate on, BigDecimal areaMu, int households, int graves,
			BigDecimal housesM2, BigDecimal compensation, String by) {
		return this.jdbc.sql("""
				INSERT INTO land_expropriation (zone_code, on_date, area_mu, households, graves, houses_m2,
				  compensation, created_by) VALUES (:z, :on, :area, :hh, :graves, :houses, :comp, :by) RETURNING id
				""")
			.param("z", zone)
			.param("on", on)
			.param("area", areaMu)
			.param("hh", households)
			.param("graves", graves)
			.param("houses", housesM2)
			.param("comp", compensation)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	ExpropriationView expropriation(long id) {
		return this.jdbc.sql("SELECT * FROM land_expropriation WHERE id = :id")
			.param("id", id)
			.query(LandStore::expropriation)
			.single();
	}

	List<ExpropriationView> expropriations(List<String> zones, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT * FROM land_expropriation WHERE zone_code = ANY(:zones) AND on_date BETWEEN :f AND :t
				ORDER BY on_date DESC, id DESC
				""")
			.param("zones", zones.toArray(String[]::new))
			.param("f", from)
			.param("t", to)
			.query(LandStore::expropriation)
			.list();
	}

	// ---- approval batches

	private static BatchView batch(ResultSet rs, int n) throws SQLException {
		return new BatchView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("name"),
				rs.getBigDecimal("area_mu"), rs.getString("status"), rs.getObject("prepared_on", LocalDate.class),
				rs.getObject("submitted_on", LocalDate.class), rs.getObject("approved_on", LocalDate.class),
				rs.getLong("version"));
	}

	Optional<Long> insertBatch(String zone, String name, BigDecimal areaMu, String status, LocalDate prepared,
			LocalDate submitted, LocalDate approved, String by) {
		return this.jdbc.sql("""
				INSERT INTO land_approval_batch (zone_code, name, area_mu, status, prepared_on, submitted_on,
				  approved_on, created_by) VALUES (:z, :name, :area, :status, :p, :s, :a, :by)
				ON CONFLICT (zone_code, name) DO NOTHING RETURNING id
				""")
			.param("z", zone)
			.param("name", name)
			.param("area", areaMu)
			.param("status", status)
			.param("p", prepared)
			.param("s", submitted)
			.param("a", approved)
			.param("by", by)
			.query(Long.class)
			.optional();
	}

	Optional<BatchView> batch(long id) {
		return this.jdbc.sql("SELECT * FROM land_approval_batch WHERE id = :id")
			.param("id", id)
			.query(LandStore::batch)
			.optional();
	}

	List<BatchView> batches(List<String> zones) {
		return this.jdbc.sql("SELECT * FROM land_approval_batch WHERE zone_code = ANY(:zones) ORDER BY id DESC")
			.param("zones", zones.toArray(String[]::new))
			.query(LandStore::batch)
			.list();
	}

	/** Moves a batch to a later status, only from the earlier ones (one winner). */
	int moveBatch(long id, String status, List<String> from, String dateColumn, LocalDate on) {
		return this.jdbc
			.sql("UPDATE land_approval_batch SET status = :status, " + dateColumn
					+ " = :on, version = version + 1 WHERE id = :id AND status = ANY(:from)")
			.param("status", status)
			.param("on", on)
			.param("id", id)
			.param("from", from.toArray(String[]::new))
			.update();
	}

	// ---- supplies

	/** A supply row. */
	record SupplyRow(long id, String zoneCode, long parcelId, String parcelCode, String kind, BigDecimal areaMu,
			BigDecimal price, String buyerCreditCode, LocalDate on, LocalDate agreedStartOn, boolean standardLand,
			StandardLandView indicators, LocalDate startedOn, BigDecimal developedPct, BigDecimal investedPct,
			LocalDate stoppedOn, LocalDate closedOn, long version) {

		IdleLandClock.Progress progress() {
			return new IdleLandClock.Progress(this.agreedStartOn, this.startedOn, this.developedPct, this.investedPct,
					this.stoppedOn, this.closedOn);
		}

	}

	private static final String SUPPLY = """
			SELECT s.*, p.code AS parcel_code FROM land_supply s JOIN land_parcel p ON p.id = s.parcel_id
			""";

	private static SupplyRow supply(ResultSet rs, int n) throws SQLException {
		boolean standard = rs.getBoolean("standard_land");
		StandardLandView indicators = standard
				? new StandardLandView(rs.getBigDecimal("investment_intensity"), rs.getBigDecimal("plot_ratio"),
						rs.getBigDecimal("building_coefficient"), rs.getBigDecimal("tax_per_mu"),
						rs.getBigDecimal("energy_per_value"), rs.getObject("capacity_on", LocalDate.class),
						rs.getString("remedy"), rs.getBigDecimal("built_plot_ratio"),
						rs.getBigDecimal("built_building_coefficient"), rs.getObject("built_on", LocalDate.class))
				: null;
		return new SupplyRow(rs.getLong("id"), rs.getString("zone_code"), rs.getLong("parcel_id"),
				rs.getString("parcel_code"), rs.getString("kind"), rs.getBigDecimal("area_mu"),
				rs.getBigDecimal("price"), rs.getString("buyer_credit_code"), rs.getObject("on_date", LocalDate.class),
				rs.getObject("agreed_start_on", LocalDate.class), standard, indicators,
				rs.getObject("started_on", LocalDate.class), rs.getBigDecimal("developed_pct"),
				rs.getBigDecimal("invested_pct"), rs.getObject("stopped_on", LocalDate.class),
				rs.getObject("closed_on", LocalDate.class), rs.getLong("version"));
	}

	Optional<Long> insertSupply(String zone, long parcelId, String kind, BigDecimal areaMu, BigDecimal price,
			String buyer, LocalDate on, LocalDate agreedStartOn, StandardLandView standard, String by) {
		return this.jdbc.sql("""
				INSERT INTO land_supply (zone_code, parcel_id, kind, area_mu, price, buyer_credit_code, on_date,
				  agreed_start_on, standard_land, investment_intensity, plot_ratio, building_coefficient, tax_per_mu,
				  energy_per_value, capacity_on, remedy, created_by)
				VALUES (:z, :parcel, :kind, :area, :price, :buyer, :on, :start, :std, :ii, :pr, :bc, :tpm, :epv,
				  :cap, :remedy, :by)
				ON CONFLICT (parcel_id) DO NOTHING RETURNING id
				""")
			.param("z", zone)
			.param("parcel", parcelId)
			.param("kind", kind)
			.param("area", areaMu)
			.param("price", price)
			.param("buyer", buyer)
			.param("on", on)
			.param("start", agreedStartOn)
			.param("std", standard != null)
			.param("ii", (standard != null) ? standard.investmentIntensity() : null)
			.param("pr", (standard != null) ? standard.plotRatio() : null)
			.param("bc", (standard != null) ? standard.buildingCoefficient() : null)
			.param("tpm", (standard != null) ? standard.taxPerMu() : null)
			.param("epv", (standard != null) ? standard.energyPerValue() : null)
			.param("cap", (standard != null) ? standard.capacityOn() : null)
			.param("remedy", (standard != null) ? standard.remedy() : null)
			.param("by", by)
			.query(Long.class)
			.optional();
	}

	Optional<SupplyRow> supply(long id) {
		return this.jdbc.sql(SUPPLY + " WHERE s.id = :id").param("id", id).query(LandStore::supply).optional();
	}

	Optional<SupplyRow> supplyOfParcel(long parcelId) {
		return this.jdbc.sql(SUPPLY + " WHERE s.parcel_id = :id")
			.param("id", parcelId)
			.query(LandStore::supply)
			.optional();
	}

	List<SupplyRow> supplies(List<String> zones, String buyer) {
		return this.jdbc
			.sql(SUPPLY + " WHERE s.zone_code = ANY(:zones)" + ((buyer != null) ? " AND s.buyer_credit_code = :b" : "")
					+ " ORDER BY s.on_date DESC, s.id DESC")
			.param("zones", zones.toArray(String[]::new))
			.param("b", buyer)
			.query(LandStore::supply)
			.list();
	}

	/** The plot ratio and building coefficient measured at acceptance (竣工验收). */
	int recordAsBuilt(long id, long version, BigDecimal plotRatio, BigDecimal buildingCoefficient, LocalDate on) {
		return this.jdbc.sql("""
				UPDATE land_supply SET built_plot_ratio = :pr, built_building_coefficient = :bc, built_on = :on,
				  version = version + 1
				WHERE id = :id AND version = :v AND standard_land
				""")
			.param("pr", plotRatio)
			.param("bc", buildingCoefficient)
			.param("on", on)
			.param("id", id)
			.param("v", version)
			.update();
	}

	int recordProgress(long id, long version, LocalDate startedOn, BigDecimal developedPct, BigDecimal investedPct,
			LocalDate stoppedOn) {
		return this.jdbc.sql("""
				UPDATE land_supply SET started_on = :s, developed_pct = :d, invested_pct = :i, stopped_on = :stop,
				  version = version + 1 WHERE id = :id AND version = :v AND closed_on IS NULL
				""")
			.param("s", startedOn)
			.param("d", developedPct)
			.param("i", investedPct)
			.param("stop", stoppedOn)
			.param("id", id)
			.param("v", version)
			.update();
	}

	void closeSupply(long id, LocalDate on) {
		this.jdbc
			.sql("UPDATE land_supply SET closed_on = :on, version = version + 1 WHERE id = :id AND closed_on IS NULL")
			.param("on", on)
			.param("id", id)
			.update();
	}

	// ---- idle-land notices

	private static NoticeView notice(ResultSet rs, int n) throws SQLException {
		return new NoticeView(rs.getLong("id"), rs.getLong("supply_id"), rs.getString("kind"), rs.getString("number"),
				rs.getObject("issued_on", LocalDate.class), rs.getBigDecimal("fee"));
	}

	/** Numbers a notice within its zone and year under a lock of the zone's year. */
	Optional<Long> insertNotice(long supplyId, String zone, String kind, int year, LocalDate on, BigDecimal fee,
			String numberFormat, String by) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:k))")
			.param("k", "land_notice:" + zone + ":" + year)
			.query((rs) -> {
			});
		int seq = this.jdbc
			.sql("SELECT coalesce(max(seq), 0) + 1 FROM land_idle_notice WHERE zone_code = :z AND year = :y")
			.param("z", zone)
			.param("y", year)
			.query(Integer.class)
			.single();
		String number = numberFormat.replace("{year}", Integer.toString(year)).replace("{n}", Integer.toString(seq));
		return this.jdbc.sql("""
				INSERT INTO land_idle_notice (supply_id, zone_code, kind, number, seq, year, issued_on, fee, created_by)
				VALUES (:s, :z, :kind, :number, :seq, :y, :on, :fee, :by)
				ON CONFLICT (supply_id, kind) DO NOTHING RETURNING id
				""")
			.param("s", supplyId)
			.param("z", zone)
			.param("kind", kind)
			.param("number", number)
			.param("seq", seq)
			.param("y", year)
			.param("on", on)
			.param("fee", fee)
			.param("by", by)
			.query(Long.class)
			.optional();
	}

	Optional<NoticeView> notice(long id) {
		return this.jdbc.sql("SELECT * FROM land_idle_notice WHERE id = :id")
			.param("id", id)
			.query(LandStore::notice)
			.optional();
	}

	List<NoticeView> notices(long supplyId) {
		return this.jdbc.sql("SELECT * FROM land_idle_notice WHERE supply_id = :s ORDER BY issued_on, id")
			.param("s", supplyId)
			.query(LandStore::notice)
			.list();
	}

	/** The kinds of notice issued per supply of the zones. */
	Map<Long, List<String>> noticeKinds(List<String> zones) {
		Map<Long, List<String>> kinds = new java.util.HashMap<>();
		this.jdbc.sql("SELECT supply_id, kind FROM land_idle_notice WHERE zone_code = ANY(:zones)")
			.param("zones", zones.toArray(String[]::new))
			.query((rs) -> {
				kinds.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
			});
		return kinds;
	}

	// ---- disposals

	private static DisposalView disposal(ResultSet rs, int n) throws SQLException {
		return new DisposalView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("kind"),
				rs.getString("method"), rs.getBigDecimal("area_mu"), rs.getObject("on_date", LocalDate.class),
				rs.getString("parcel_code"), rs.getString("note"));
	}

	private static final String DISPOSAL = """
			SELECT d.*, p.code AS parcel_code FROM land_disposal d LEFT JOIN land_parcel p ON p.id = d.parcel_id
			""";

	long insertDisposal(String zone, String kind, String method, BigDecimal areaMu, LocalDate on, Long parcelId,
			String note, String by) {
		return this.jdbc.sql("""
				INSERT INTO land_disposal (zone_code, kind, method, area_mu, on_date, parcel_id, note, created_by)
				VALUES (:z, :kind, :method, :area, :on, :parcel, :note, :by) RETURNING id
				""")
			.param("z", zone)
			.param("kind", kind)
			.param("method", method)
			.param("area", areaMu)
			.param("on", on)
			.param("parcel", parcelId)
			.param("note", note)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	DisposalView disposal(long id) {
		return this.jdbc.sql(DISPOSAL + " WHERE d.id = :id").param("id", id).query(LandStore::disposal).single();
	}

	List<DisposalView> disposals(List<String> zones, String kind, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql(DISPOSAL + " WHERE d.zone_code = ANY(:zones) AND d.on_date BETWEEN :f AND :t"
					+ ((kind != null) ? " AND d.kind = :kind" : "") + " ORDER BY d.on_date DESC, d.id DESC")
			.param("zones", zones.toArray(String[]::new))
			.param("f", from)
			.param("t", to)
			.param("kind", kind)
			.query(LandStore::disposal)
			.list();
	}

}
