package io.parkops.investment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parkops.enterprise.CreditCode;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.investment.ProjectSigned;
import io.parkops.investment.ProjectStageChanged;
import io.parkops.investment.internal.InvestmentViews.BuildingView;
import io.parkops.investment.internal.InvestmentViews.FundView;
import io.parkops.investment.internal.InvestmentViews.LeadView;
import io.parkops.investment.internal.InvestmentViews.MilestoneView;
import io.parkops.investment.internal.InvestmentViews.Page;
import io.parkops.investment.internal.InvestmentViews.ProblemView;
import io.parkops.investment.internal.InvestmentViews.ProjectView;
import io.parkops.investment.internal.InvestmentViews.RankView;
import io.parkops.investment.internal.InvestmentViews.ScheduleView;
import io.parkops.investment.internal.InvestmentViews.Step;
import io.parkops.investment.internal.Kinds.BuildingPhase;
import io.parkops.investment.internal.Kinds.FundOrigin;
import io.parkops.investment.internal.Kinds.LeadStage;
import io.parkops.investment.internal.Kinds.Light;
import io.parkops.investment.internal.Kinds.ProblemCategory;
import io.parkops.investment.internal.Kinds.ProjectStage;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects (项目) from signing to production: stages with dates, funds in place, the
 * back-planned schedule with its light, building progress and problems to coordinate.
 */
@Service
public class ProjectService {

	private static final BigDecimal ZERO = BigDecimal.ZERO;

	private final JdbcClient jdbc;

	private final ZoneDirectory zones;

	private final EnterpriseRegistry enterprises;

	private final LeadService leads;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final InvestmentProperties properties;

	private final TaskForceStore taskForces;

	ProjectService(JdbcClient jdbc, ZoneDirectory zones, EnterpriseRegistry enterprises, LeadService leads,
			AuditTrail audit, ApplicationEventPublisher events, InvestmentProperties properties,
			TaskForceStore taskForces) {
		this.taskForces = taskForces;
		this.jdbc = jdbc;
		this.zones = zones;
		this.enterprises = enterprises;
		this.leads = leads;
		this.audit = audit;
		this.events = events;
		this.properties = properties;
	}

	/** The stored facts of a project, before its light is worked out. */
	record Row(long id, String zoneCode, String name, String creditCode, Long leadId, ProjectStage stage,
			ProjectStage stageBeforeStall, LocalDate signedOn, LocalDate startedOn, LocalDate completedOn,
			LocalDate inProductionOn, LocalDate stageOn, BigDecimal contractAmount, BigDecimal totalInvestment,
			BigDecimal fixedAssetInvestment, BigDecimal fdiUsd, boolean outsideProvince, boolean manufacturing,
			BigDecimal funds, String leader, LocalDate targetProductionOn, long openProblems, long version) {
	}

	static final String PROJECT = """
			SELECT p.*, coalesce((SELECT sum(f.amount) FROM inv_fund f WHERE f.project_id = p.id), 0) AS funds,
			  (SELECT count(*) FROM inv_problem q WHERE q.project_id = p.id AND q.status <> 'CLOSED') AS open_problems,
			  CASE p.stage WHEN 'PLANNED' THEN p.planned_on WHEN 'SIGNED' THEN p.signed_on
			    WHEN 'PREPARING' THEN p.preparing_on WHEN 'STARTED' THEN p.started_on WHEN 'COMPLETED' THEN p.completed_on
			    WHEN 'IN_PRODUCTION' THEN p.in_production_on WHEN 'AT_CAPACITY' THEN p.at_capacity_on
			    WHEN 'STALLED' THEN p.stalled_on ELSE p.cancelled_on END AS stage_on
			FROM inv_project p""";

	static Row row(ResultSet rs, int n) throws SQLException {
		String before = rs.getString("stage_before_stall");
		return new Row(rs.getLong("id"), rs.getString("zone_code"), rs.getString("name"), rs.getString("credit_code"),
				rs.getObject("lead_id", Long.class), ProjectStage.valueOf(rs.getString("stage")),
				(before != null) ? ProjectStage.valueOf(before) : null, rs.getObject("signed_on", LocalDate.class),
				rs.getObject("started_on", LocalDate.class), rs.getObject("completed_on", LocalDate.class),
				rs.getObject("in_production_on", LocalDate.class), rs.getObject("stage_on", LocalDate.class),
				rs.getBigDecimal("contract_amount"), rs.getBigDecimal("total_investment"),
				rs.getBigDecimal("fixed_asset_investment"), rs.getBigDecimal("fdi_usd"),
				rs.getBoolean("outside_province"), rs.getBoolean("manufacturing"), rs.getBigDecimal("funds"),
				rs.getString("leader"), rs.getObject("target_production_on", LocalDate.class),
				rs.getLong("open_problems"), rs.getLong("version"));
	}

	// ---- reading

	Row findRow(long id) {
		return this.jdbc.sql(PROJECT + " WHERE p.id = :id")
			.param("id", id)
			.query(ProjectService::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("error.investment.projectNotFound", id));
	}

	/** A project row the current user may see (an enterprise user: its own). */
	Row visibleRow(long id) {
		Row row = findRow(id);
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			if (!me.enterpriseCreditCode().equals(row.creditCode())) {
				throw new ForbiddenException("error.enterpriseOutOfScope");
			}
		}
		else {
			me.checkZone(row.zoneCode());
		}
		return row;
	}

	Row editableRow(long id) {
		Access.requireStaff();
		return visibleRow(id);
	}

	public ProjectView project(long id) {
		return views(List.of(visibleRow(id)), Access.today()).get(0);
	}

	/** Milestones by project, for many projects at once. */
	Map<Long, List<Schedule.Milestone>> milestones(List<Long> ids) {
		Map<Long, List<Schedule.Milestone>> all = new HashMap<>();
		if (ids.isEmpty()) {
			return all;
		}
		this.jdbc.sql("SELECT * FROM inv_milestone WHERE project_id = ANY(:ids) ORDER BY project_id, seq")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, n) -> {
				all.computeIfAbsent(rs.getLong("project_id"), (k) -> new ArrayList<>())
					.add(new Schedule.Milestone(rs.getString("code"), rs.getInt("seq"),
							rs.getObject("planned_on", LocalDate.class), rs.getObject("done_on", LocalDate.class)));
				return null;
			})
			.list();
		return all;
	}

	/** The light and schedule delta (%) of a project. */
	record Standing(Light light, BigDecimal deltaPct) {
	}

	Standing standing(Row row, List<Schedule.Milestone> milestones, LocalDate today) {
		BigDecimal delta = Schedule.deltaPct(milestones, row.signedOn(), row.targetProductionOn(), today);
		return new Standing(Schedule.light(row.stage(), row.signedOn(), row.startedOn(), delta, today, this.properties),
				delta);
	}

	List<ProjectView> views(List<Row> rows, LocalDate today) {
		Map<Long, List<Schedule.Milestone>> ms = milestones(rows.stream().map(Row::id).toList());
		Map<Long, List<InvestmentViews.TaskForceMemberView>> members = this.taskForces
			.members(rows.stream().map(Row::id).toList());
		Map<String, String> names = this.enterprises
			.names(rows.stream().map(Row::creditCode).filter((c) -> c != null).distinct().toList());
		List<ProjectView> views = new ArrayList<>();
		for (Row r : rows) {
			Standing s = standing(r, ms.getOrDefault(r.id(), List.of()), today);
			views.add(new ProjectView(r.id(), r.zoneCode(), r.name(), r.creditCode(),
					(r.creditCode() != null) ? names.get(r.creditCode()) : null, r.leadId(), r.stage().name(),
					r.signedOn(), r.startedOn(), r.completedOn(), r.inProductionOn(), r.stageOn(), r.contractAmount(),
					r.totalInvestment(), r.fixedAssetInvestment(), r.fdiUsd(), r.outsideProvince(), r.manufacturing(),
					r.funds(), r.leader(), members.getOrDefault(r.id(), List.of()), r.targetProductionOn(),
					s.light().name(), s.deltaPct().setScale(2, RoundingMode.HALF_UP), categories(r), r.openProblems(),
					r.version()));
		}
		return views;
	}

	/** 亿元以上 … 百亿元以上 (the highest that applies) and the 5020项目 tag, as codes. */
	List<String> categories(Row r) {
		List<String> codes = new ArrayList<>();
		String[] names = { "ABOVE_100M", "ABOVE_1B", "ABOVE_5B", "ABOVE_10B" };
		String highest = null;
		List<BigDecimal> t = this.properties.categoryThresholds();
		for (int i = 0; i < t.size() && i < names.length; i++) {
			if (r.totalInvestment().compareTo(t.get(i)) >= 0) {
				highest = names[i];
			}
		}
		if (highest != null) {
			codes.add(highest);
		}
		BigDecimal tag = r.manufacturing() ? this.properties.tag5020Manufacturing() : this.properties.tag5020Other();
		if (r.totalInvestment().compareTo(tag) >= 0) {
			codes.add("TAG_5020");
		}
		return codes;
	}

	/** A page of projects; an enterprise user sees only its own. */
	public Page<ProjectView> projects(String zone, String stage, String light, String q, int page, int size) {
		CurrentUser me = CurrentUser.get();
		List<String> zoneList = Access.zones(this.zones, zone);
		Inputs in = new Inputs();
		ProjectStage s = in.choice(ProjectStage.class, stage, "stage", false);
		Light l = in.choice(Light.class, light, "light", false);
		in.check();
		String where = " " + """
				WHERE p.zone_code = ANY(:zones) AND (CAST(:stage AS text) IS NULL OR p.stage = :stage)
				  AND (CAST(:cc AS text) IS NULL OR p.credit_code = :cc)
				  AND (CAST(:q AS text) IS NULL OR p.name ILIKE :like OR p.leader ILIKE :like)""";
		String like = (q != null) ? "%" + q.replace("%", "\\%").replace("_", "\\_") + "%" : null;
		String cc = me.isEnterpriseUser() ? me.enterpriseCreditCode() : null;
		LocalDate today = Access.today();
		if (l != null) {
			List<Row> rows = this.jdbc.sql(PROJECT + where + " ORDER BY p.id DESC")
				.param("zones", zoneList.toArray(String[]::new))
				.param("stage", (s != null) ? s.name() : null)
				.param("cc", cc)
				.param("q", q)
				.param("like", like)
				.query(ProjectService::row)
				.list();
			Map<Long, List<Schedule.Milestone>> ms = milestones(rows.stream().map(Row::id).toList());
			List<Row> kept = rows.stream()
				.filter((r) -> r.stage() != ProjectStage.CANCELLED
						&& standing(r, ms.getOrDefault(r.id(), List.of()), today).light() == l)
				.toList();
			int fromIndex = Math.min(kept.size(), page * size);
			return new Page<>(views(kept.subList(fromIndex, Math.min(kept.size(), fromIndex + size)), today),
					kept.size());
		}
		List<Row> rows = this.jdbc.sql(PROJECT + where + " ORDER BY p.id DESC LIMIT :limit OFFSET :offset")
			.param("zones", zoneList.toArray(String[]::new))
			.param("stage", (s != null) ? s.name() : null)
			.param("cc", cc)
			.param("q", q)
			.param("like", like)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(ProjectService::row)
			.list();
		long total = this.jdbc.sql("SELECT count(*) FROM inv_project p" + where)
			.param("zones", zoneList.toArray(String[]::new))
			.param("stage", (s != null) ? s.name() : null)
			.param("cc", cc)
			.param("q", q)
			.param("like", like)
			.query(Long.class)
			.single();
		return new Page<>(views(rows, today), total);
	}

	/**
	 * Every project of a zone (not cancelled), for the ranking, the summary and the
	 * report.
	 */
	List<Row> zoneRows(String zone) {
		return this.jdbc.sql(PROJECT + " WHERE p.zone_code = :zone ORDER BY p.id")
			.param("zone", zone)
			.query(ProjectService::row)
			.list();
	}

	/**
	 * 进度排位: the zone's projects under construction (signed, not in production, not
	 * cancelled), furthest ahead first.
	 */
	public List<RankView> ranking(String zone) {
		Access.requireStaff();
		CurrentUser.get().checkZone(zone);
		return ranking(zone, Access.today());
	}

	List<RankView> ranking(String zone, LocalDate today) {
		List<Row> rows = zoneRows(zone).stream()
			.filter((r) -> r.stage() != ProjectStage.CANCELLED && r.stage() != ProjectStage.PLANNED
					&& r.stage() != ProjectStage.IN_PRODUCTION && r.stage() != ProjectStage.AT_CAPACITY)
			.toList();
		Map<Long, List<Schedule.Milestone>> ms = milestones(rows.stream().map(Row::id).toList());
		record Ranked(Row row, Standing standing, String late) {
		}
		List<Ranked> ranked = new ArrayList<>();
		for (Row r : rows) {
			List<Schedule.Milestone> list = ms.getOrDefault(r.id(), List.of());
			String late = list.stream()
				.filter((m) -> m.doneOn() == null && m.plannedOn().isBefore(today))
				.map(Schedule.Milestone::code)
				.findFirst()
				.orElse(null);
			ranked.add(new Ranked(r, standing(r, list, today), late));
		}
		ranked.sort((a, b) -> {
			int c = b.standing().deltaPct().compareTo(a.standing().deltaPct());
			return (c != 0) ? c : Long.compare(a.row().id(), b.row().id());
		});
		List<RankView> views = new ArrayList<>();
		Map<Long, TaskForceStore.Lead> leads = this.taskForces.leads(rows.stream().map(Row::id).toList());
		int rank = 1;
		for (Ranked r : ranked) {
			TaskForceStore.Lead lead = leads.get(r.row().id());
			views.add(new RankView(rank++, r.row().id(), r.row().name(), r.row().stage().name(),
					r.standing().light().name(), r.standing().deltaPct().setScale(2, RoundingMode.HALF_UP), r.late(),
					r.row().openProblems(), r.row().leader(), (lead != null) ? lead.name() : null,
					(lead != null) ? lead.department() : null));
		}
		return views;
	}

	/**
	 * The zone's projects under way (signed, not in production, not cancelled) counted by
	 * light today, reading only what the light needs: the same lights as
	 * {@link #ranking(String, LocalDate)} in one query that sums each project's
	 * milestones.
	 */
	Map<Light, Long> lightCounts(String zone, LocalDate today) {
		Map<Light, Long> counts = new java.util.EnumMap<>(Light.class);
		for (Light light : Light.values()) {
			counts.put(light, 0L);
		}
		// one row per project under way with its milestones summed as Schedule.deltaDays
		// reads them: the most overdue one not done, else how early the last done was
		// (the
		// first and the last by seq through min/max of [seq, value]: no sort per project)
		this.jdbc.sql("""
				SELECT p.stage, p.signed_on, p.started_on, p.target_production_on,
				  DATE '2000-01-01' + (min(ARRAY[m.seq, m.planned_on - DATE '2000-01-01']))[2] AS first_planned,
				  max(:today - m.planned_on) FILTER (WHERE m.done_on IS NULL AND m.planned_on < :today) AS behind,
				  (max(ARRAY[m.seq, m.planned_on - m.done_on]) FILTER (WHERE m.done_on IS NOT NULL))[2] AS ahead
				FROM inv_project p LEFT JOIN inv_milestone m ON m.project_id = p.id
				WHERE p.zone_code = :zone AND p.stage NOT IN ('CANCELLED', 'PLANNED', 'IN_PRODUCTION', 'AT_CAPACITY')
				GROUP BY p.id
				""").param("zone", zone).param("today", today).query((rs, n) -> {
			LocalDate signedOn = rs.getObject(2, LocalDate.class);
			Integer behind = (Integer) rs.getObject(6);
			Integer ahead = (Integer) rs.getObject(7);
			long days = (behind != null) ? -behind : (ahead != null) ? ahead : 0;
			BigDecimal delta = Schedule.deltaPct(rs.getObject(5, LocalDate.class), days, signedOn,
					rs.getObject(4, LocalDate.class));
			Light light = Schedule.light(ProjectStage.valueOf(rs.getString(1)), signedOn,
					rs.getObject(3, LocalDate.class), delta, today, this.properties);
			counts.merge(light, 1L, Long::sum);
			return null;
		}).list();
		return counts;
	}

	// ---- creating

	/** The figures of a project as sent, checked. */
	private record Figures(BigDecimal contract, BigDecimal total, BigDecimal fixed, BigDecimal fdi, boolean outside,
			boolean manufacturing) {
	}

	private static Figures figures(Inputs in, BigDecimal contract, BigDecimal total, BigDecimal fixed, BigDecimal fdi,
			Boolean outside, Boolean manufacturing, boolean required) {
		BigDecimal c = in.number(contract, "contractAmount", 14, 2, ZERO, required);
		BigDecimal t = in.number(total, "totalInvestment", 14, 2, ZERO, required);
		BigDecimal f = in.number(fixed, "fixedAssetInvestment", 14, 2, ZERO, false);
		BigDecimal d = in.number(fdi, "fdiUsd", 14, 2, ZERO, false);
		if (t != null && f != null && f.compareTo(t) > 0) {
			in.problem("fixedAssetInvestment", "error.investment.fixedAboveTotal");
		}
		return new Figures((c != null) ? c : ZERO, (t != null) ? t : ZERO, (f != null) ? f : ZERO,
				(d != null) ? d : ZERO, Boolean.TRUE.equals(outside), Boolean.TRUE.equals(manufacturing));
	}

	private String enterprise(Inputs in, String given, String zone) {
		String code = in.text(given, "enterpriseCreditCode", 18, false);
		if (code == null) {
			return null;
		}
		String normalized = CreditCode.normalize(code);
		Enterprise e = (normalized != null) ? this.enterprises.find(normalized).orElse(null) : null;
		if (e == null) {
			in.problem("enterpriseCreditCode", "error.enterpriseNotFound", code);
			return null;
		}
		if (zone != null && !zone.equals(e.zoneCode())) {
			in.problem("enterpriseCreditCode", "error.investment.enterpriseNotInZone", e.name());
			return null;
		}
		return e.creditCode();
	}

	@Transactional
	public ProjectView recordProject(InvestmentCommands.RecordProject cmd) {
		Access.requireStaff();
		Inputs in = new Inputs();
		String zone = Access.zone(in, this.zones, cmd.zoneCode());
		String name = in.text(cmd.name(), "name", 200, true);
		String cc = enterprise(in, cmd.enterpriseCreditCode(), zone);
		ProjectStage stage = in.choice(ProjectStage.class, cmd.stage(), "stage", true);
		if (stage != null && stage != ProjectStage.PLANNED && stage != ProjectStage.SIGNED) {
			in.problem("stage", "error.investment.newProjectStage", cmd.stage());
		}
		LocalDate signedOn = Access.pastDate(in, cmd.signedOn(), "signedOn", stage == ProjectStage.SIGNED);
		Figures f = figures(in, cmd.contractAmount(), cmd.totalInvestment(), cmd.fixedAssetInvestment(), cmd.fdiUsd(),
				cmd.outsideProvince(), cmd.manufacturing(), false);
		in.check();
		long id = insertProject(zone, name, cc, null, stage, (stage == ProjectStage.SIGNED) ? signedOn : null,
				(stage == ProjectStage.PLANNED) ? ((signedOn != null) ? signedOn : Access.today()) : null, f.contract(),
				f.total(), f.fixed(), f.fdi(), f.outside(), f.manufacturing(), CurrentUser.usernameOrSystem());
		ProjectView saved = project(id);
		this.audit.recordChange("CREATE", "inv_project", Long.toString(id), null, saved);
		if (stage == ProjectStage.SIGNED && cc != null) {
			this.events.publishEvent(new ProjectSigned(id, cc, name, instant(signedOn)));
		}
		return saved;
	}

	long insertProject(String zone, String name, String cc, Long leadId, ProjectStage stage, LocalDate signedOn,
			LocalDate plannedOn, BigDecimal contract, BigDecimal total, BigDecimal fixed, BigDecimal fdi,
			boolean outside, boolean manufacturing, String by) {
		long id = this.jdbc.sql("""
				INSERT INTO inv_project (zone_code, name, credit_code, lead_id, stage, signed_on, planned_on,
				  contract_amount, total_investment, fixed_asset_investment, fdi_usd, outside_province, manufacturing,
				  created_by)
				VALUES (:zone, :name, :cc, :lead, :stage, :signed, :planned, :contract, :total, :fixed, :fdi, :outside,
				  :mfg, :by) RETURNING id
				""")
			.param("zone", zone)
			.param("name", name)
			.param("cc", cc)
			.param("lead", leadId)
			.param("stage", stage.name())
			.param("signed", signedOn)
			.param("planned", plannedOn)
			.param("contract", contract)
			.param("total", total)
			.param("fixed", fixed)
			.param("fdi", fdi)
			.param("outside", outside)
			.param("mfg", manufacturing)
			.param("by", by)
			.query(Long.class)
			.single();
		addStep(id, stage.name(), (signedOn != null) ? signedOn : plannedOn, null, by);
		return id;
	}

	private void addStep(long id, String stage, LocalDate on, String note, String by) {
		this.jdbc.sql("""
				INSERT INTO inv_project_step (project_id, stage, step_on, note, done_by)
				VALUES (:id, :stage, :on, :note, :by)
				""").param("id", id).param("stage", stage).param("on", on).param("note", note).param("by", by).update();
	}

	/**
	 * Signing (签约): refused (409) while a required review item fails and no leader
	 * overrode it.
	 */
	@Transactional
	public long sign(long leadId, InvestmentCommands.Signing cmd) {
		LeadView lead = this.leads.lead(leadId);
		Inputs in = new Inputs();
		LocalDate signedOn = Access.pastDate(in, cmd.signedOn(), "signedOn", true);
		String name = in.text(cmd.projectName(), "projectName", 200, false);
		Figures f = figures(in, cmd.contractAmount(), cmd.totalInvestment(), cmd.fixedAssetInvestment(), cmd.fdiUsd(),
				cmd.outsideProvince(), cmd.manufacturing(), true);
		String cc = enterprise(in, cmd.enterpriseCreditCode(), lead.zoneCode());
		InvestmentCommands.NewEnterprise fresh = cmd.newEnterprise();
		if (fresh != null && Inputs.trim(cmd.enterpriseCreditCode()) != null) {
			in.problem("enterpriseCreditCode", "error.investment.enterpriseEither");
		}
		in.check();
		if (LeadStage.valueOf(lead.stage()).closed()) {
			throw new ConflictException("error.investment.leadClosed");
		}
		if (this.leads.review(leadId).blocking()) {
			throw new ConflictException("error.investment.reviewFailed");
		}
		if (fresh != null) {
			cc = registerEnterprise(fresh, lead.zoneCode(), lead.industryCode());
		}
		String projectName = (name != null) ? name : lead.name();
		long id = insertProject(lead.zoneCode(), projectName, cc, leadId, ProjectStage.SIGNED, signedOn, null,
				f.contract(), f.total(), f.fixed(), f.fdi(), f.outside(), f.manufacturing(),
				CurrentUser.usernameOrSystem());
		this.leads.markSigned(leadId, lead.stage(), signedOn, id);
		ProjectView saved = project(id);
		this.audit.recordChange("SIGN", "inv_project", Long.toString(id), lead, saved);
		if (cc != null) {
			this.events.publishEvent(new ProjectSigned(id, cc, projectName, instant(signedOn)));
		}
		return id;
	}

	/**
	 * Registers the company of a signing into the enterprise registry (through its public
	 * API), in the signing's transaction; its problems are named after
	 * {@code newEnterprise}'s fields.
	 */
	private String registerEnterprise(InvestmentCommands.NewEnterprise fresh, String zone, String defaultIndustry) {
		String industry = (Inputs.trim(fresh.industryCode()) != null) ? fresh.industryCode() : defaultIndustry;
		try {
			return this.enterprises
				.register(new EnterpriseRegistry.NewEnterprise(fresh.creditCode(), fresh.name(), zone,
						Inputs.trim(fresh.areaCode()), industry))
				.creditCode();
		}
		catch (io.parkops.platform.InvalidInputException ex) {
			throw new io.parkops.platform.InvalidInputException(ex.fieldProblems()
				.stream()
				.map((p) -> new io.parkops.platform.ParkOpsException.FieldProblem("newEnterprise." + p.field(),
						p.messageKey(), p.args()))
				.toList());
		}
	}

	/**
	 * The project's enterprise once its company is set up (a project signed or planned
	 * before it was): an enterprise of the zone from the registry or one registered right
	 * here, in this transaction; only while the project has none (else 409), with the
	 * project's version (stale → 409). The enterprise's timeline gets the signing and the
	 * stages the project has passed.
	 */
	@Transactional
	public ProjectView linkEnterprise(long id, InvestmentCommands.LinkEnterprise cmd) {
		Row row = editableRow(id);
		Inputs in = new Inputs();
		String cc = enterprise(in, cmd.enterpriseCreditCode(), row.zoneCode());
		InvestmentCommands.NewEnterprise fresh = cmd.newEnterprise();
		boolean named = Inputs.trim(cmd.enterpriseCreditCode()) != null;
		if (fresh != null && named) {
			in.problem("enterpriseCreditCode", "error.investment.enterpriseEither");
		}
		if (fresh == null && !named) {
			in.problem("enterpriseCreditCode", "error.required");
		}
		in.check();
		long version = Versions.required(cmd.version());
		if (row.version() != version) {
			throw Versions.stale();
		}
		if (row.creditCode() != null) {
			throw new ConflictException("error.investment.enterpriseLinked");
		}
		if (row.stage() == ProjectStage.CANCELLED) {
			throw new ConflictException("error.investment.projectCancelled");
		}
		ProjectView before = project(id);
		if (fresh != null) {
			cc = registerEnterprise(fresh, row.zoneCode(),
					(row.leadId() != null) ? this.leads.find(row.leadId()).industryCode() : null);
		}
		Versions.updated(this.jdbc.sql("""
				UPDATE inv_project SET credit_code = :cc, version = version + 1
				WHERE id = :id AND version = :v AND credit_code IS NULL
				""").param("cc", cc).param("id", id).param("v", version).update());
		ProjectView saved = project(id);
		this.audit.recordChange("UPDATE", "inv_project", Long.toString(id), before, saved);
		for (Step s : steps(id)) {
			if (ProjectStage.SIGNED.name().equals(s.stage())) {
				this.events.publishEvent(new ProjectSigned(id, cc, row.name(), instant(s.on())));
			}
			else if (!ProjectStage.PLANNED.name().equals(s.stage())) {
				this.events.publishEvent(new ProjectStageChanged(id, cc, s.stage(), row.name(), instant(s.on())));
			}
		}
		return saved;
	}

	static java.time.Instant instant(LocalDate on) {
		return on.atTime(12, 0).atZone(ZoneTime.zone()).toInstant();
	}

	// ---- stages

	/**
	 * Whether a project may go from one stage to another: forward along 谋划 → … → 达产
	 * (skipping allowed), to 停滞 or 终止 from any open stage, and out of 停滞 to the stage it
	 * stopped at or a later one; never back, never out of 终止.
	 */
	static boolean allowed(ProjectStage from, ProjectStage to, ProjectStage beforeStall) {
		if (from == ProjectStage.CANCELLED || from == to) {
			return false;
		}
		if (to == ProjectStage.CANCELLED || to == ProjectStage.STALLED) {
			return true;
		}
		if (from == ProjectStage.STALLED) {
			return beforeStall == null || to.rank() >= beforeStall.rank();
		}
		return to.rank() > from.rank();
	}

	@Transactional
	public ProjectView step(long id, InvestmentCommands.ProjectStep cmd) {
		Row row = editableRow(id);
		Inputs in = new Inputs();
		ProjectStage to = in.choice(ProjectStage.class, cmd.stage(), "stage", true);
		LocalDate on = Access.pastDate(in, cmd.on(), "on", false);
		String note = in.multiline(cmd.note(), "note", 1000, false);
		in.check();
		LocalDate date = (on != null) ? on : Access.today();
		if (!allowed(row.stage(), to, row.stageBeforeStall())) {
			throw new ConflictException("error.investment.projectStepRefused", row.stage().name(), to.name());
		}
		ProjectView before = project(id);
		int rows = this.jdbc
			.sql("""
					UPDATE inv_project SET stage = :to,
					  stage_before_stall = CASE WHEN :to = 'STALLED' THEN stage ELSE NULL END,
					  signed_on = CASE WHEN :rank >= 1 THEN coalesce(signed_on, :on) ELSE signed_on END,
					  preparing_on = CASE WHEN :to = 'PREPARING' THEN coalesce(preparing_on, :on) ELSE preparing_on END,
					  started_on = CASE WHEN :rank >= 3 THEN coalesce(started_on, :on) ELSE started_on END,
					  completed_on = CASE WHEN :rank >= 4 THEN coalesce(completed_on, :on) ELSE completed_on END,
					  in_production_on = CASE WHEN :rank >= 5 THEN coalesce(in_production_on, :on) ELSE in_production_on END,
					  at_capacity_on = CASE WHEN :rank >= 6 THEN coalesce(at_capacity_on, :on) ELSE at_capacity_on END,
					  stalled_on = CASE WHEN :to = 'STALLED' THEN CAST(:on AS date) ELSE stalled_on END,
					  cancelled_on = CASE WHEN :to = 'CANCELLED' THEN CAST(:on AS date) ELSE cancelled_on END,
					  version = version + 1
					WHERE id = :id AND stage = :from
					""")
			.param("to", to.name())
			.param("rank", to.rank())
			.param("on", date)
			.param("id", id)
			.param("from", row.stage().name())
			.update();
		if (rows == 0) {
			throw new ConflictException("error.investment.projectStepRefused", row.stage().name(), to.name());
		}
		addStep(id, to.name(), date, note, CurrentUser.usernameOrSystem());
		ProjectView saved = project(id);
		this.audit.recordChange("STAGE", "inv_project", Long.toString(id), before, saved);
		if (row.creditCode() != null) {
			if (to == ProjectStage.SIGNED) {
				this.events.publishEvent(new ProjectSigned(id, row.creditCode(), row.name(), instant(date)));
			}
			else {
				this.events
					.publishEvent(new ProjectStageChanged(id, row.creditCode(), to.name(), row.name(), instant(date)));
			}
		}
		return saved;
	}

	public List<Step> steps(long id) {
		visibleRow(id);
		return this.jdbc.sql(
				"SELECT stage, step_on, note, done_by FROM inv_project_step WHERE project_id = :id ORDER BY step_on, id")
			.param("id", id)
			.query((rs, n) -> new Step(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/** 一个项目、一名领导 (the 专班 is kept member by member, {@link TaskForceService}). */
	@Transactional
	public ProjectView leadership(long id, InvestmentCommands.Leadership cmd) {
		editableRow(id);
		Inputs in = new Inputs();
		String leader = in.text(cmd.leader(), "leader", 64, false);
		in.check();
		long version = Versions.required(cmd.version());
		ProjectView before = project(id);
		Versions.updated(this.jdbc.sql("""
				UPDATE inv_project SET leader = :leader, version = version + 1 WHERE id = :id AND version = :v
				""").param("leader", leader).param("id", id).param("v", version).update());
		ProjectView saved = project(id);
		this.audit.recordChange("LEADERSHIP", "inv_project", Long.toString(id), before, saved);
		return saved;
	}

	// ---- funds

	@Transactional
	public FundView recordFunds(long id, InvestmentCommands.RecordFunds cmd) {
		Row row = editableRow(id);
		Inputs in = new Inputs();
		LocalDate on = Access.pastDate(in, cmd.on(), "on", true);
		BigDecimal amount = in.number(cmd.amount(), "amount", 14, 2, ZERO, true);
		FundOrigin origin = in.choice(FundOrigin.class, cmd.origin(), "origin", true);
		BigDecimal usd = in.number(cmd.usdAmount(), "usdAmount", 14, 2, ZERO, origin == FundOrigin.FOREIGN);
		in.check();
		if (row.stage() == ProjectStage.PLANNED || row.stage() == ProjectStage.CANCELLED) {
			throw new ConflictException("error.investment.fundsRefused");
		}
		long fund = this.jdbc.sql("""
				INSERT INTO inv_fund (project_id, fund_on, amount, origin, usd_amount, created_by)
				VALUES (:id, :on, :amount, :origin, :usd, :by) RETURNING id
				""")
			.param("id", id)
			.param("on", on)
			.param("amount", amount)
			.param("origin", origin.name())
			.param("usd", usd)
			.param("by", CurrentUser.usernameOrSystem())
			.query(Long.class)
			.single();
		FundView saved = new FundView(fund, on, amount, origin.name(), usd);
		this.audit.recordChange("FUNDS", "inv_project", Long.toString(id), null, saved);
		return saved;
	}

	public List<FundView> funds(long id) {
		visibleRow(id);
		return this.jdbc.sql("SELECT * FROM inv_fund WHERE project_id = :id ORDER BY fund_on, id")
			.param("id", id)
			.query((rs, n) -> new FundView(rs.getLong("id"), rs.getObject("fund_on", LocalDate.class),
					rs.getBigDecimal("amount"), rs.getString("origin"), rs.getBigDecimal("usd_amount")))
			.list();
	}

	// ---- schedule (工期倒排)

	public ScheduleView schedule(long id) {
		Row row = visibleRow(id);
		LocalDate today = Access.today();
		List<Schedule.Milestone> list = milestones(List.of(id)).getOrDefault(id, List.of());
		Standing s = standing(row, list, today);
		List<MilestoneView> views = list.stream()
			.map((m) -> new MilestoneView(m.code(), m.seq(), m.plannedOn(), m.doneOn(),
					Schedule.status(m, today, this.properties.atRiskDays()).name()))
			.toList();
		return new ScheduleView(id, row.targetProductionOn(), views, s.light().name(),
				s.deltaPct().setScale(2, RoundingMode.HALF_UP));
	}

	/**
	 * Plans the milestones back from the target date; milestones already done keep their
	 * day.
	 */
	@Transactional
	public ScheduleView planSchedule(long id, InvestmentCommands.PlanSchedule cmd) {
		Row row = editableRow(id);
		Inputs in = new Inputs();
		LocalDate target = Access.date(in, cmd.targetProductionOn(), "targetProductionOn", true);
		in.check();
		if (row.stage() == ProjectStage.CANCELLED) {
			throw new ConflictException("error.investment.projectCancelled");
		}
		ScheduleView before = schedule(id);
		this.jdbc.sql("UPDATE inv_project SET target_production_on = :t, version = version + 1 WHERE id = :id")
			.param("t", target)
			.param("id", id)
			.update();
		for (Schedule.Milestone m : Schedule.plan(target, this.properties.milestoneTemplate())) {
			this.jdbc.sql("""
					INSERT INTO inv_milestone (project_id, code, seq, planned_on) VALUES (:id, :code, :seq, :on)
					ON CONFLICT (project_id, code) DO UPDATE SET seq = EXCLUDED.seq, planned_on = EXCLUDED.planned_on
					""")
				.param("id", id)
				.param("code", m.code())
				.param("seq", m.seq())
				.param("on", m.plannedOn())
				.update();
		}
		ScheduleView saved = schedule(id);
		this.audit.recordChange("SCHEDULE", "inv_project", Long.toString(id), before, saved);
		return saved;
	}

	@Transactional
	public ScheduleView milestoneDone(long id, String code, InvestmentCommands.MilestoneDone cmd) {
		editableRow(id);
		Inputs in = new Inputs();
		String c = in.text(code, "code", 32, true);
		LocalDate on = Access.pastDate(in, cmd.on(), "on", true);
		in.check();
		ScheduleView before = schedule(id);
		int rows = this.jdbc
			.sql("UPDATE inv_milestone SET done_on = :on WHERE project_id = :id AND code = :code AND done_on IS NULL")
			.param("on", on)
			.param("id", id)
			.param("code", c)
			.update();
		if (rows == 0) {
			boolean exists = before.milestones().stream().anyMatch((m) -> m.code().equals(c));
			if (!exists) {
				throw new NotFoundException("error.investment.milestoneNotFound", c);
			}
			throw new ConflictException("error.investment.milestoneDone", c);
		}
		ScheduleView saved = schedule(id);
		this.audit.recordChange("MILESTONE", "inv_project", Long.toString(id), before, saved);
		return saved;
	}

	// ---- buildings

	@Transactional
	public BuildingView buildingProgress(long id, String building, InvestmentCommands.BuildingProgress cmd) {
		Row row = editableRow(id);
		Inputs in = new Inputs();
		String name = in.text(building, "name", 50, true);
		LocalDate on = Access.pastDate(in, cmd.on(), "on", true);
		BuildingPhase phase = in.choice(BuildingPhase.class, cmd.phase(), "phase", true);
		Integer done = in.whole(cmd.floorsDone(), "floorsDone", 0, 200, false);
		Integer total = in.whole(cmd.floorsTotal(), "floorsTotal", 1, 200, false);
		BigDecimal pct = in.number(cmd.percent(), "percent", 5, 2, ZERO, false);
		if (pct != null && pct.compareTo(BigDecimal.valueOf(100)) > 0) {
			in.problem("percent", "error.number.range", 0, 100);
		}
		if (done != null && total != null && done > total) {
			in.problem("floorsDone", "error.investment.floors");
		}
		String note = in.multiline(cmd.note(), "note", 500, false);
		in.check();
		if (row.stage() == ProjectStage.CANCELLED) {
			throw new ConflictException("error.investment.projectCancelled");
		}
		long entry = this.jdbc.sql("""
				INSERT INTO inv_building_progress (project_id, building, progress_on, phase, floors_done, floors_total,
				  percent, note, created_by) VALUES (:id, :b, :on, :phase, :done, :total, :pct, :note, :by) RETURNING id
				""")
			.param("id", id)
			.param("b", name)
			.param("on", on)
			.param("phase", phase.name())
			.param("done", done)
			.param("total", total)
			.param("pct", pct)
			.param("note", note)
			.param("by", CurrentUser.usernameOrSystem())
			.query(Long.class)
			.single();
		BuildingView saved = new BuildingView(entry, name, on, phase.name(), done, total, pct, note,
				Buildings.describe(name, phase, done, total, pct));
		this.audit.recordChange("BUILDING", "inv_project", Long.toString(id), null, saved);
		return saved;
	}

	private static BuildingView building(ResultSet rs, int n) throws SQLException {
		Integer done = rs.getObject("floors_done", Integer.class);
		Integer total = rs.getObject("floors_total", Integer.class);
		BigDecimal pct = rs.getBigDecimal("percent");
		String name = rs.getString("building");
		BuildingPhase phase = BuildingPhase.valueOf(rs.getString("phase"));
		return new BuildingView(rs.getLong("id"), name, rs.getObject("progress_on", LocalDate.class), phase.name(),
				done, total, pct, rs.getString("note"), Buildings.describe(name, phase, done, total, pct));
	}

	/** The latest state of each building of a project, as of a date. */
	public List<BuildingView> buildings(long id) {
		visibleRow(id);
		return buildings(id, Access.today());
	}

	List<BuildingView> buildings(long id, LocalDate asOf) {
		return this.jdbc.sql("""
				SELECT DISTINCT ON (building) * FROM inv_building_progress
				WHERE project_id = :id AND progress_on <= :asOf ORDER BY building, progress_on DESC, id DESC
				""").param("id", id).param("asOf", asOf).query(ProjectService::building).list();
	}

	public List<BuildingView> buildingHistory(long id) {
		visibleRow(id);
		return this.jdbc
			.sql("SELECT * FROM inv_building_progress WHERE project_id = :id ORDER BY progress_on DESC, id DESC")
			.param("id", id)
			.query(ProjectService::building)
			.list();
	}

	// ---- problems (问题协调)

	static final String PROBLEM = "SELECT q.*, p.name AS project_name, p.zone_code, p.credit_code,"
			+ " (q.status <> 'CLOSED' AND q.deadline < :today) AS is_overdue"
			+ " FROM inv_problem q JOIN inv_project p ON p.id = q.project_id";

	static ProblemView problem(ResultSet rs, int n) throws SQLException {
		return new ProblemView(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_name"),
				rs.getString("category"), rs.getString("description"), rs.getString("department"),
				rs.getObject("raised_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
				rs.getString("status"), rs.getBoolean("is_overdue"), rs.getObject("closed_on", LocalDate.class),
				rs.getString("result"), rs.getLong("version"));
	}

	/** Raised by staff, or by an enterprise user on its own project. */
	@Transactional
	public ProblemView raiseProblem(long id, InvestmentCommands.RaiseProblem cmd) {
		Row row = visibleRow(id);
		Inputs in = new Inputs();
		ProblemCategory category = in.choice(ProblemCategory.class, cmd.category(), "category", true);
		String description = in.multiline(cmd.description(), "description", 1000, true);
		String department = in.text(cmd.department(), "department", 100, true);
		LocalDate deadline = Access.date(in, cmd.deadline(), "deadline", true);
		LocalDate today = Access.today();
		if (deadline != null && deadline.isBefore(today)) {
			in.problem("deadline", "error.investment.deadlinePast");
		}
		in.check();
		if (row.stage() == ProjectStage.CANCELLED) {
			throw new ConflictException("error.investment.projectCancelled");
		}
		long pid = this.jdbc.sql("""
				INSERT INTO inv_problem (project_id, category, description, department, raised_on, deadline, status,
				  raised_by) VALUES (:id, :cat, :d, :dep, :on, :deadline, 'OPEN', :by) RETURNING id
				""")
			.param("id", id)
			.param("cat", category.name())
			.param("d", description)
			.param("dep", department)
			.param("on", today)
			.param("deadline", deadline)
			.param("by", CurrentUser.usernameOrSystem())
			.query(Long.class)
			.single();
		ProblemView saved = findProblem(pid);
		this.audit.recordChange("CREATE", "inv_problem", Long.toString(pid), null, saved);
		return saved;
	}

	ProblemView findProblem(long id) {
		return this.jdbc.sql(PROBLEM + " WHERE q.id = :id")
			.param("id", id)
			.param("today", Access.today())
			.query(ProjectService::problem)
			.optional()
			.orElseThrow(() -> new NotFoundException("error.investment.problemNotFound", id));
	}

	public List<ProblemView> problems(long projectId) {
		visibleRow(projectId);
		return this.jdbc.sql(PROBLEM + " WHERE q.project_id = :id ORDER BY q.status = 'CLOSED', q.deadline, q.id")
			.param("id", projectId)
			.param("today", Access.today())
			.query(ProjectService::problem)
			.list();
	}

	/** Problems of a zone (open first), or an enterprise user's own. */
	public Page<ProblemView> zoneProblems(String zone, String status, Boolean overdue, int page, int size) {
		CurrentUser me = CurrentUser.get();
		List<String> zoneList = Access.zones(this.zones, zone);
		Inputs in = new Inputs();
		Kinds.ProblemStatus s = in.choice(Kinds.ProblemStatus.class, status, "status", false);
		in.check();
		String where = " " + """
				WHERE p.zone_code = ANY(:zones) AND (CAST(:cc AS text) IS NULL OR p.credit_code = :cc)
				  AND (CAST(:status AS text) IS NULL OR q.status = :status)
				  AND (NOT :overdue OR (q.status <> 'CLOSED' AND q.deadline < :today))""";
		String cc = me.isEnterpriseUser() ? me.enterpriseCreditCode() : null;
		List<ProblemView> items = this.jdbc
			.sql(PROBLEM + where + " ORDER BY q.status = 'CLOSED', q.deadline, q.id LIMIT :limit OFFSET :offset")
			.param("zones", zoneList.toArray(String[]::new))
			.param("cc", cc)
			.param("status", (s != null) ? s.name() : null)
			.param("overdue", Boolean.TRUE.equals(overdue))
			.param("today", Access.today())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(ProjectService::problem)
			.list();
		long total = this.jdbc
			.sql("SELECT count(*) FROM inv_problem q JOIN inv_project p ON p.id = q.project_id" + where)
			.param("zones", zoneList.toArray(String[]::new))
			.param("cc", cc)
			.param("status", (s != null) ? s.name() : null)
			.param("overdue", Boolean.TRUE.equals(overdue))
			.param("today", Access.today())
			.query(Long.class)
			.single();
		return new Page<>(items, total);
	}

	@Transactional
	public ProblemView handleProblem(long problemId, InvestmentCommands.ProblemHandling cmd) {
		ProblemView before = findProblem(problemId);
		editableRow(before.projectId());
		Inputs in = new Inputs();
		LocalDate on = Access.pastDate(in, cmd.on(), "on", false);
		in.text(cmd.note(), "note", 500, false);
		in.check();
		int rows = this.jdbc.sql("""
				UPDATE inv_problem SET status = 'HANDLING', handling_on = :on, version = version + 1
				WHERE id = :id AND status = 'OPEN'
				""").param("on", (on != null) ? on : Access.today()).param("id", problemId).update();
		if (rows == 0) {
			throw new ConflictException("error.investment.problemStepRefused");
		}
		ProblemView saved = findProblem(problemId);
		this.audit.recordChange("HANDLING", "inv_problem", Long.toString(problemId), before, saved);
		return saved;
	}

	@Transactional
	public ProblemView closeProblem(long problemId, InvestmentCommands.CloseProblem cmd) {
		ProblemView before = findProblem(problemId);
		editableRow(before.projectId());
		Inputs in = new Inputs();
		LocalDate on = Access.pastDate(in, cmd.closedOn(), "closedOn", true);
		String result = in.multiline(cmd.result(), "result", 1000, true);
		if (on != null && on.isBefore(before.raisedOn())) {
			in.problem("closedOn", "error.investment.closedBeforeRaised");
		}
		in.check();
		int rows = this.jdbc.sql("""
				UPDATE inv_problem SET status = 'CLOSED', closed_on = :on, result = :result, version = version + 1
				WHERE id = :id AND status <> 'CLOSED'
				""").param("on", on).param("result", result).param("id", problemId).update();
		if (rows == 0) {
			throw new ConflictException("error.investment.problemStepRefused");
		}
		ProblemView saved = findProblem(problemId);
		this.audit.recordChange("CLOSE", "inv_problem", Long.toString(problemId), before, saved);
		return saved;
	}

	/** Open problems past their deadline: of a zone, or of one enterprise's projects. */
	public LeadService.Due overdueProblems(String zone, String creditCode) {
		return overdueProblems(zone, creditCode, null, null);
	}

	/**
	 * Overdue problems, with a leader's name or display name only those of the projects
	 * that person leads (一个项目、一名领导: they escalate to the project's leader).
	 */
	public LeadService.Due overdueProblems(String zone, String creditCode, String leader, String leaderDisplay) {
		return this.jdbc
			.sql("""
					SELECT count(*) AS n, min(q.deadline) AS oldest FROM inv_problem q JOIN inv_project p ON p.id = q.project_id
					WHERE (CAST(:zone AS text) IS NULL OR p.zone_code = :zone) AND (CAST(:cc AS text) IS NULL OR p.credit_code = :cc)
					  AND (CAST(:who AS text) IS NULL OR p.leader IN (:who, :display))
					  AND q.status <> 'CLOSED' AND q.deadline < :today
					""")
			.param("zone", zone)
			.param("cc", creditCode)
			.param("who", leader)
			.param("display", (leaderDisplay != null) ? leaderDisplay : "")
			.param("today", Access.today())
			.query((rs, n) -> new LeadService.Due(rs.getLong("n"), rs.getObject("oldest", LocalDate.class)))
			.single();
	}

}
