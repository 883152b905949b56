package io.parkops.safety.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseTimeline;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneDirectory;
import io.parkops.safety.internal.Kinds.HazardStatus;
import io.parkops.safety.internal.Kinds.InspectionKind;
import io.parkops.safety.internal.Kinds.RectificationType;
import io.parkops.safety.internal.SafetyViews.HazardStep;
import io.parkops.safety.internal.SafetyViews.HazardView;
import io.parkops.safety.internal.SafetyViews.InspectionView;
import io.parkops.safety.internal.SafetyViews.Page;
import io.parkops.safety.internal.SafetyViews.PlanView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections (检查) and hazards (隐患) driven from discovery to acceptance (销号): every step
 * dated, with who and evidence, within the user's data scope.
 */
@Service
public class HazardService {

	private final InspectionStore inspections;

	private final HazardStore hazardStore;

	private final HazardPlanStore plans;

	private final EnterpriseRegistry enterprises;

	private final EnterpriseTimeline timeline;

	private final ZoneDirectory zones;

	private final AuditTrail audit;

	private final SafetyProperties properties;

	HazardService(InspectionStore inspections, HazardStore hazardStore, HazardPlanStore plans,
			EnterpriseRegistry enterprises, EnterpriseTimeline timeline, ZoneDirectory zones, AuditTrail audit,
			SafetyProperties properties) {
		this.inspections = inspections;
		this.hazardStore = hazardStore;
		this.plans = plans;
		this.enterprises = enterprises;
		this.timeline = timeline;
		this.zones = zones;
		this.audit = audit;
		this.properties = properties;
	}

	// ---- inspections

	@Transactional
	public InspectionView recordInspection(SafetyCommands.RecordInspection cmd) {
		Inputs.requireStaff();
		Inputs in = new Inputs();
		String zone = in.text(cmd.zoneCode(), "zoneCode", 32, true);
		if (zone != null) {
			if (this.zones.zone(zone).isEmpty()) {
				in.problem("zoneCode", "error.zoneNotFound", zone);
			}
			else {
				CurrentUser.get().checkZone(zone);
			}
		}
		LocalDate on = in.date(cmd.date(), "date", true);
		InspectionKind kind = in.choice(InspectionKind.class, cmd.kind(), "kind");
		String organizer = in.text(cmd.organizer(), "organizer", 100, false);
		List<String> agencies = new ArrayList<>();
		for (String a : (cmd.agencies() != null) ? cmd.agencies() : List.<String>of()) {
			String agency = in.text(a, "agencies", 50, false);
			if (agency != null) {
				agencies.add(agency);
			}
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String code : (cmd.enterpriseCreditCodes() != null) ? cmd.enterpriseCreditCodes() : List.<String>of()) {
			String normalized = io.parkops.enterprise.CreditCode.normalize(code);
			Enterprise e = (normalized != null) ? this.enterprises.find(normalized).orElse(null) : null;
			if (e == null) {
				in.problem("enterpriseCreditCodes", "error.enterpriseNotFound", code);
			}
			else if (zone != null && !e.zoneCode().equals(zone)) {
				in.problem("enterpriseCreditCodes", "error.safety.enterpriseNotInZone", e.name());
			}
			else {
				codes.add(e.creditCode());
			}
		}
		in.check();
		long id = this.inspections.insertInspection(zone, kind.name(), on, organizer, agencies,
				in.text(cmd.people(), "people", 300, false), in.text(cmd.notes(), "notes", 2000, false),
				CurrentUser.usernameOrSystem());
		codes.forEach((c) -> this.inspections.addInspectedEnterprise(id, c));
		InspectionView saved = this.inspections.findInspection(id).orElseThrow();
		this.audit.recordChange("CREATE", "safety_inspection", Long.toString(id), null, saved);
		return saved;
	}

	public InspectionView inspection(long id) {
		InspectionView view = this.inspections.findInspection(id)
			.orElseThrow(() -> new NotFoundException("error.safety.inspectionNotFound", id));
		CurrentUser.get().checkZone(view.zoneCode());
		return view;
	}

	public Page<InspectionView> inspections(String zone, String kind, LocalDate from, LocalDate to, int page,
			int size) {
		Inputs.requireStaff();
		Scope scope = Inputs.scope(this.zones, zone);
		return new Page<>(this.inspections.inspections(scope.zones(), kind, from, to, page, size),
				this.inspections.countInspections(scope.zones(), kind, from, to));
	}

	// ---- hazards

	@Transactional
	public HazardView recordHazard(SafetyCommands.RecordHazard cmd) {
		Inputs.requireStaff();
		Inputs in = new Inputs();
		Enterprise enterprise = null;
		String code = Inputs.trim(cmd.enterpriseCreditCode());
		if (code == null) {
			in.problem("enterpriseCreditCode", "error.required");
		}
		else {
			enterprise = this.enterprises.requireVisible(code);
		}
		String level = in.text(cmd.level(), "level", 16, true);
		if (level != null && !this.properties.levels().contains(level.toUpperCase(java.util.Locale.ROOT))) {
			in.problem("level", "error.safety.level", level, String.join(", ", this.properties.levels()));
		}
		String category = in.text(cmd.category(), "category", 50, true);
		String description = in.text(cmd.description(), "description", 2000, true);
		LocalDate foundOn = in.date(cmd.foundOn(), "foundOn", true);
		RectificationType type = in.choice(RectificationType.class, cmd.rectificationType(), "rectificationType");
		LocalDate deadline = in.date(cmd.deadline(), "deadline", type != RectificationType.ON_THE_SPOT);
		if (deadline == null && type == RectificationType.ON_THE_SPOT) {
			deadline = foundOn;
		}
		if (foundOn != null && deadline != null && deadline.isBefore(foundOn)) {
			in.problem("deadline", "error.safety.deadlineBeforeFound");
		}
		if (foundOn != null && foundOn.isAfter(Inputs.today())) {
			in.problem("foundOn", "error.safety.future");
		}
		Long inspectionId = cmd.inspectionId();
		if (inspectionId != null) {
			InspectionView inspection = this.inspections.findInspection(inspectionId).orElse(null);
			if (inspection == null) {
				in.problem("inspectionId", "error.safety.inspectionNotFound", inspectionId);
			}
			else if (enterprise != null && !inspection.zoneCode().equals(enterprise.zoneCode())) {
				in.problem("inspectionId", "error.safety.inspectionOtherZone");
			}
		}
		in.check();
		long id = this.hazardStore.insertHazard(enterprise.zoneCode(), enterprise.creditCode(), inspectionId,
				level.toUpperCase(java.util.Locale.ROOT), category, description,
				in.text(cmd.location(), "location", 200, false), type.name(), foundOn, deadline,
				in.text(cmd.responsiblePerson(), "responsiblePerson", 64, false), CurrentUser.usernameOrSystem());
		if (inspectionId != null) {
			this.inspections.addInspectedEnterprise(inspectionId, enterprise.creditCode());
		}
		this.hazardStore.insertStep(id, "FOUND", HazardStatus.PENDING.name(), foundOn, description,
				CurrentUser.usernameOrSystem());
		HazardView saved = find(id);
		this.timeline.record(enterprise.creditCode(), Instant.now(), "safety",
				"safety.hazardFound:" + summaryArg(category), "/safety/hazards/" + id);
		this.audit.recordChange("CREATE", "safety_hazard", Long.toString(id), null, saved);
		return saved.withName(enterprise.name());
	}

	/** A hazard the current user may see, with its enterprise's name. */
	public HazardView hazard(long id) {
		HazardView view = find(id);
		CurrentUser.get().checkEnterprise(view.enterpriseCreditCode(), view.zoneCode());
		return view
			.withName(this.enterprises.names(List.of(view.enterpriseCreditCode())).get(view.enterpriseCreditCode()));
	}

	HazardView find(long id) {
		return this.hazardStore.findHazard(id, Inputs.today(), this.properties.planLevels())
			.orElseThrow(() -> new NotFoundException("error.safety.hazardNotFound", id));
	}

	public List<HazardStep> steps(long id) {
		hazard(id);
		return this.hazardStore.steps(id);
	}

	public Page<HazardView> hazards(HazardFilter filter) {
		Scope scope = scope(filter);
		List<HazardView> items = this.hazardStore.hazards(filter, scope, Inputs.today(), this.properties.dueSoonDays(),
				this.properties.planLevels());
		return new Page<>(named(items),
				this.hazardStore.countHazards(filter, scope, Inputs.today(), this.properties.dueSoonDays()));
	}

	public void eachHazard(HazardFilter filter, Consumer<HazardView> consumer) {
		Scope scope = scope(filter);
		List<HazardView> batch = new ArrayList<>();
		this.hazardStore.eachHazard(filter, scope, Inputs.today(), this.properties.dueSoonDays(),
				this.properties.planLevels(), (h) -> {
					batch.add(h);
					if (batch.size() == 500) {
						named(batch).forEach(consumer);
						batch.clear();
					}
				});
		named(batch).forEach(consumer);
	}

	public long countHazards(HazardFilter filter) {
		return this.hazardStore.countHazards(filter, scope(filter), Inputs.today(), this.properties.dueSoonDays());
	}

	private Scope scope(HazardFilter filter) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser() && filter.enterprise() != null
				&& !filter.enterprise().equals(me.enterpriseCreditCode())) {
			throw new io.parkops.platform.ForbiddenException("error.enterpriseOutOfScope");
		}
		return Inputs.scope(this.zones, me.isEnterpriseUser() ? null : filter.zone());
	}

	List<HazardView> named(List<HazardView> items) {
		Map<String, String> names = this.enterprises
			.names(items.stream().map(HazardView::enterpriseCreditCode).distinct().toList());
		return items.stream().map((h) -> h.withName(names.get(h.enterpriseCreditCode()))).toList();
	}

	@Transactional
	public HazardView startRectification(long id, SafetyCommands.StartRectification cmd) {
		HazardView before = hazard(id);
		Inputs in = new Inputs();
		LocalDate on = in.date(cmd.startedOn(), "startedOn", true);
		notBefore(in, on, before.foundOn(), "startedOn");
		in.check();
		move(before, List.of(HazardStatus.PENDING), HazardStatus.RECTIFYING, null, null, null);
		this.hazardStore.insertStep(id, "STARTED", HazardStatus.RECTIFYING.name(), on, Inputs.trim(cmd.note()),
				CurrentUser.usernameOrSystem());
		return changed("START_RECTIFICATION", before);
	}

	@Transactional
	public HazardView reportRectification(long id, SafetyCommands.ReportRectification cmd) {
		HazardView before = hazard(id);
		Inputs in = new Inputs();
		LocalDate on = in.date(cmd.rectifiedOn(), "rectifiedOn", true);
		String measures = in.text(cmd.measures(), "measures", 2000, true);
		notBefore(in, on, before.foundOn(), "rectifiedOn");
		if (on != null && on.isAfter(Inputs.today())) {
			in.problem("rectifiedOn", "error.safety.future");
		}
		in.check();
		move(before, List.of(HazardStatus.PENDING, HazardStatus.RECTIFYING), HazardStatus.AWAITING_ACCEPTANCE, on,
				measures, null);
		this.hazardStore.insertStep(id, "RECTIFIED", HazardStatus.AWAITING_ACCEPTANCE.name(), on, measures,
				CurrentUser.usernameOrSystem());
		return changed("REPORT_RECTIFICATION", before);
	}

	@Transactional
	public HazardView reviewAcceptance(long id, SafetyCommands.ReviewAcceptance cmd) {
		Inputs.requireStaff();
		HazardView before = hazard(id);
		Inputs in = new Inputs();
		if (cmd.passed() == null) {
			in.problem("passed", "error.required");
		}
		LocalDate on = in.date(cmd.reviewedOn(), "reviewedOn", true);
		String opinion = in.text(cmd.opinion(), "opinion", 2000, Boolean.FALSE.equals(cmd.passed()));
		notBefore(in, on, (before.rectifiedOn() != null) ? before.rectifiedOn() : before.foundOn(), "reviewedOn");
		if (on != null && on.isAfter(Inputs.today())) {
			in.problem("reviewedOn", "error.safety.future");
		}
		in.check();
		boolean passed = cmd.passed();
		HazardStatus to = passed ? HazardStatus.ACCEPTED : HazardStatus.RECTIFYING;
		move(before, List.of(HazardStatus.AWAITING_ACCEPTANCE), to, null, null, passed ? on : null);
		this.hazardStore.insertStep(id, passed ? "ACCEPTED" : "REJECTED", to.name(), on, opinion,
				CurrentUser.usernameOrSystem());
		if (passed) {
			this.timeline.record(before.enterpriseCreditCode(), Instant.now(), "safety",
					"safety.hazardAccepted:" + summaryArg(before.category()), "/safety/hazards/" + id);
		}
		return changed(passed ? "ACCEPT" : "REJECT", before);
	}

	private void move(HazardView before, List<HazardStatus> from, HazardStatus to, LocalDate rectifiedOn,
			String measures, LocalDate acceptedOn) {
		if (this.hazardStore.moveHazard(before.id(), from.stream().map(Enum::name).toList(), to.name(), rectifiedOn,
				measures, acceptedOn) == 0) {
			throw new ConflictException("error.safety.hazardStep", before.status());
		}
	}

	private HazardView changed(String action, HazardView before) {
		HazardView after = find(before.id()).withName(before.enterpriseName());
		this.audit.recordChange(action, "safety_hazard", Long.toString(before.id()), before, after);
		return after;
	}

	private static void notBefore(Inputs in, LocalDate on, LocalDate earliest, String field) {
		if (on != null && earliest != null && on.isBefore(earliest)) {
			in.problem(field, "error.safety.dateTooEarly", earliest.toString());
		}
	}

	static String summaryArg(String text) {
		return (text != null) ? text.replace(':', ' ') : "";
	}

	// ---- remediation plans (治理方案)

	public PlanView plan(long id) {
		hazard(id);
		return this.plans.plan(id).orElse(null);
	}

	@Transactional
	public PlanView savePlan(long id, SafetyCommands.RemediationPlan cmd) {
		Inputs.requireStaff();
		HazardView hazard = hazard(id);
		Inputs in = new Inputs();
		if (!hazard.planRequired()) {
			throw new ConflictException("error.safety.planNotNeeded");
		}
		in.text(cmd.target(), "target", 1000, true);
		in.text(cmd.measures(), "measures", 2000, true);
		LocalDate deadline = in.date(cmd.deadline(), "deadline", true);
		notBefore(in, deadline, hazard.foundOn(), "deadline");
		if (cmd.funds() != null && (cmd.funds().signum() < 0 || cmd.funds().scale() > 4)) {
			in.problem("funds", "error.safety.amount");
		}
		in.text(cmd.people(), "people", 300, false);
		in.text(cmd.safetyMeasures(), "safetyMeasures", 2000, false);
		in.check();
		PlanView before = this.plans.plan(id).orElse(null);
		// without a version only a first plan is written; a change names the version it
		// was read at (else 409)
		Versions.updated(this.plans.savePlan(id, cmd, deadline, CurrentUser.usernameOrSystem()));
		PlanView after = this.plans.plan(id).orElseThrow();
		this.hazardStore.insertStep(id, "PLAN", hazard.status(), Inputs.today(), cmd.target().trim(),
				CurrentUser.usernameOrSystem());
		this.audit.recordChange((before == null) ? "CREATE_PLAN" : "UPDATE_PLAN", "safety_hazard", Long.toString(id),
				before, after);
		return after;
	}

	// ---- overdue marking

	/**
	 * Marks every open hazard past its deadline on {@code today} that is not marked yet:
	 * the hazard records the day it became overdue, its history and the enterprise's
	 * timeline say so.
	 * @return how many hazards were marked
	 */
	@Transactional
	public int markOverdue(LocalDate today) {
		int marked = 0;
		for (Long id : this.hazardStore.unmarkedOverdue(today)) {
			if (this.hazardStore.markOverdue(id, today) == 1) {
				HazardView h = find(id);
				this.hazardStore.insertStep(id, "OVERDUE", h.status(), h.overdueSince(), null, "system");
				this.timeline.record(h.enterpriseCreditCode(), Instant.now(), "safety",
						"safety.hazardOverdue:" + summaryArg(h.category()), "/safety/hazards/" + id);
				this.audit.recordChange("MARK_OVERDUE", "safety_hazard", Long.toString(id), null,
						Map.of("overdueSince", h.overdueSince().toString(), "deadline", h.deadline().toString()));
				marked++;
			}
		}
		return marked;
	}

}
