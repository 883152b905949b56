package io.parkops.platform.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ParkOpsException.FieldProblem;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zones (开发区/园区) with their areas (片区) and departments.
 */
@Service
class ZoneService implements ZoneDirectory {

	static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ZoneService(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A department of a zone. */
	record Department(long id, String zoneCode, String name) {
	}

	/**
	 * A zone as the API answers it: with its departments and the version a change must
	 * carry.
	 */
	record ZoneView(String code, String name, List<Area> areas, List<String> departments, long version) {
	}

	Optional<ZoneView> view(String code) {
		return zone(code).map((z) -> new ZoneView(z.code(), z.name(), z.areas(),
				departments(code).stream().map(Department::name).toList(), version(code)));
	}

	private long version(String code) {
		return this.jdbc.sql("SELECT version FROM zone WHERE code = :c").param("c", code).query(Long.class).single();
	}

	@Override
	public List<Zone> zones() {
		Map<String, List<Area>> areas = new LinkedHashMap<>();
		this.jdbc.sql("SELECT zone_code, code, name, name_en FROM area ORDER BY zone_code, code").query((rs) -> {
			areas.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
				.add(new Area(rs.getString(2), rs.getString(3), rs.getString(4)));
		});
		return this.jdbc.sql("SELECT code, name FROM zone ORDER BY code")
			.query((rs, n) -> new Zone(rs.getString(1), rs.getString(2),
					List.copyOf(areas.getOrDefault(rs.getString(1), List.of()))))
			.list();
	}

	@Override
	public Optional<Zone> zone(String code) {
		return this.jdbc.sql("SELECT code, name FROM zone WHERE code = :c")
			.param("c", code)
			.query((rs, n) -> new Zone(rs.getString(1), rs.getString(2), areasOf(code)))
			.optional();
	}

	private List<Area> areasOf(String zoneCode) {
		return this.jdbc.sql("SELECT code, name, name_en FROM area WHERE zone_code = :z ORDER BY code")
			.param("z", zoneCode)
			.query(Area.class)
			.list();
	}

	List<Department> departments(String zoneCode) {
		return this.jdbc.sql("SELECT id, zone_code, name FROM department WHERE zone_code = :z ORDER BY name")
			.param("z", zoneCode)
			.query(Department.class)
			.list();
	}

	List<Department> allDepartments() {
		return this.jdbc.sql("SELECT id, zone_code, name FROM department ORDER BY zone_code, name")
			.query(Department.class)
			.list();
	}

	@Transactional
	ZoneView create(String code, String name, List<Area> areas, List<String> departments) {
		validate(code, name, areas, departments);
		if (zone(code).isPresent()) {
			throw new ConflictException("error.zone.duplicate", code);
		}
		this.jdbc.sql("INSERT INTO zone (code, name) VALUES (:c, :n)").param("c", code).param("n", name).update();
		insertAreas(code, areas);
		replaceDepartments(code, departments);
		ZoneView created = view(code).orElseThrow();
		this.audit.recordChange("CREATE", "zone", code, null, created);
		return created;
	}

	/**
	 * Renames a zone and replaces its areas (and departments when given); {@code version}
	 * must be the one last read, or nothing changes (409).
	 */
	@Transactional
	ZoneView update(String code, Long version, String name, List<Area> areas, List<String> departments) {
		require(code);
		validate(code, name, areas, departments);
		long expected = Versions.required(version);
		// lock the zone row: concurrent changes of the zone, its areas and departments
		// queue here
		Versions.expect(this.jdbc.sql("SELECT version FROM zone WHERE code = :c FOR UPDATE")
			.param("c", code)
			.query(Long.class)
			.single(), expected);
		ZoneView before = view(code).orElseThrow();
		this.jdbc.sql("UPDATE zone SET name = :n, version = version + 1 WHERE code = :c")
			.param("c", code)
			.param("n", name)
			.update();
		Set<String> kept = new HashSet<>();
		areas.forEach((a) -> kept.add(a.code()));
		for (Area old : before.areas()) {
			if (!kept.contains(old.code())) {
				this.jdbc.sql("DELETE FROM area WHERE zone_code = :z AND code = :c")
					.param("z", code)
					.param("c", old.code())
					.update();
			}
		}
		for (Area area : areas) {
			this.jdbc.sql("""
					INSERT INTO area (zone_code, code, name, name_en) VALUES (:z, :c, :n, :en)
					ON CONFLICT (zone_code, code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en
					""")
				.param("z", code)
				.param("c", area.code())
				.param("n", area.name())
				.param("en", Inputs.trim(area.nameEn()))
				.update();
		}
		if (departments != null) {
			replaceDepartments(code, departments);
		}
		ZoneView after = view(code).orElseThrow();
		this.audit.recordChange("UPDATE", "zone", code, before, after);
		return after;
	}

	private void insertAreas(String zoneCode, List<Area> areas) {
		for (Area area : areas) {
			this.jdbc.sql("INSERT INTO area (zone_code, code, name, name_en) VALUES (:z, :c, :n, :en)")
				.param("z", zoneCode)
				.param("c", area.code())
				.param("n", area.name())
				.param("en", Inputs.trim(area.nameEn()))
				.update();
		}
	}

	private void replaceDepartments(String zoneCode, List<String> names) {
		if (names == null) {
			return;
		}
		Set<String> wanted = new HashSet<>(names);
		for (Department d : departments(zoneCode)) {
			if (!wanted.remove(d.name())) {
				this.jdbc.sql("DELETE FROM department WHERE id = :id").param("id", d.id()).update();
			}
		}
		for (String name : names) {
			if (wanted.remove(name)) {
				this.jdbc.sql("INSERT INTO department (zone_code, name) VALUES (:z, :n)")
					.param("z", zoneCode)
					.param("n", name)
					.update();
			}
		}
	}

	/** The most areas and departments a zone has. */
	static final int MAX_AREAS = 50;

	static final int MAX_DEPARTMENTS = 100;

	private static void validate(String code, String name, List<Area> areas, List<String> departments) {
		List<FieldProblem> problems = new ArrayList<>();
		Inputs in = new Inputs(problems);
		if (code == null || !CODE.matcher(code).matches()) {
			problems.add(new FieldProblem("code", "error.zone.code"));
		}
		in.text(name, "name", 100, true);
		if (departments != null) {
			if (departments.size() > MAX_DEPARTMENTS) {
				in.problem("departments", "error.tooMany", MAX_DEPARTMENTS);
			}
			else {
				departments.forEach((d) -> in.text(d, "departments", 100, true));
			}
		}
		if (areas.size() > MAX_AREAS) {
			in.problem("areas", "error.tooMany", MAX_AREAS);
			areas = List.of();
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < areas.size(); i++) {
			Area area = areas.get(i);
			if (area.code() == null || !CODE.matcher(area.code()).matches() || !seen.add(area.code())) {
				problems.add(new FieldProblem("areas[" + i + "].code", "error.area.code"));
			}
			in.text(area.name(), "areas[" + i + "].name", 100, true);
			in.text(area.nameEn(), "areas[" + i + "].nameEn", 100, false);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** Whether the zone holds fictional demo data (its pages say so). */
	boolean isDemo(String code) {
		return code != null && this.jdbc.sql("SELECT demo FROM zone WHERE code = :c")
			.param("c", code)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}
