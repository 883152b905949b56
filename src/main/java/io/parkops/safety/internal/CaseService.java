package io.parkops.safety.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneDirectory;
import io.parkops.safety.PenaltyDecided;
import io.parkops.safety.internal.Kinds.ComplaintStatus;
import io.parkops.safety.internal.SafetyViews.ComplaintView;
import io.parkops.safety.internal.SafetyViews.DutyView;
import io.parkops.safety.internal.SafetyViews.Page;
import io.parkops.safety.internal.SafetyViews.PatrolView;
import io.parkops.safety.internal.SafetyViews.PenaltyView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Penalties (处罚), complaints from the public (信访件) with their deadlines, the patrol log
 * (巡查调查日报) and the duty roster (值班).
 */
@Service
public class CaseService {

	private final HazardStore hazardStore;

	private final PenaltyStore penalties;

	private final ComplaintStore complaints;

	private final PatrolStore patrols;

	private final DutyStore duty;

	private final EnterpriseRegistry enterprises;

	private final ApplicationEventPublisher events;

	private final ZoneDirectory zones;

	private final AuditTrail audit;

	private final SafetyProperties properties;

	CaseService(HazardStore hazardStore, PenaltyStore penalties, ComplaintStore complaints, PatrolStore patrols,
			DutyStore duty, EnterpriseRegistry enterprises, ApplicationEventPublisher events, ZoneDirectory zones,
			AuditTrail audit, SafetyProperties properties) {
		this.hazardStore = hazardStore;
		this.penalties = penalties;
		this.complaints = complaints;
		this.patrols = patrols;
		this.duty = duty;
		this.enterprises = enterprises;
		this.events = events;
		this.zones = zones;
		this.audit = audit;
		this.properties = properties;
	}

	// ---- penalties

	@Transactional
	public PenaltyView recordPenalty(SafetyCommands.RecordPenalty cmd) {
		Inputs.requireStaff();
		Inputs in = new Inputs();
		Enterprise enterprise = null;
		if (Inputs.trim(cmd.enterpriseCreditCode()) == null) {
			in.problem("enterpriseCreditCode", "error.required");
		}
		else {
			enterprise = this.enterprises.requireVisible(cmd.enterpriseCreditCode().trim());
		}
		LocalDate on = in.date(cmd.decidedOn(), "decidedOn", true);
		BigDecimal amount = cmd.amount();
		if (amount == null) {
			in.problem("amount", "error.required");
		}
		else if (amount.signum() <= 0 || amount.scale() > 4 || amount.compareTo(new BigDecimal("9999999999")) > 0) {
			in.problem("amount", "error.safety.amount");
		}
		String reason = in.multiline(cmd.reason(), "reason", 1000, true);
		String number = in.text(cmd.decisionNumber(), "decisionNumber", 64, false);
		List<Long> hazardIds = (cmd.hazardIds() != null) ? cmd.hazardIds().stream().distinct().toList() : List.of();
		if (enterprise != null && !hazardIds.isEmpty()) {
			String code = enterprise.creditCode();
			var found = this.hazardStore.hazardsByIds(hazardIds, Inputs.today(), this.properties.planLevels());
			for (Long id : hazardIds) {
				if (found.stream().noneMatch((h) -> h.id() == id && h.enterpriseCreditCode().equals(code))) {
					in.problem("hazardIds", "error.safety.hazardNotOfEnterprise", id);
				}
			}
		}
		in.check();
		long id = this.penalties.insertPenalty(enterprise.zoneCode(), enterprise.creditCode(), on, amount, reason,
				number, hazardIds, CurrentUser.usernameOrSystem());
		PenaltyView saved = this.penalties.findPenalty(id).orElseThrow();
		this.events.publishEvent(new PenaltyDecided(id, enterprise.creditCode(), amount, Instant.now()));
		this.audit.recordChange("CREATE", "safety_penalty", Long.toString(id), null, saved);
		return saved;
	}

	public Page<PenaltyView> penalties(String zone, int page, int size) {
		Scope scope = Inputs.scope(this.zones, CurrentUser.get().isEnterpriseUser() ? null : zone);
		List<PenaltyView> items = this.penalties.penalties(scope, page, size);
		Map<String, String> names = this.enterprises
			.names(items.stream().map(PenaltyView::enterpriseCreditCode).distinct().toList());
		return new Page<>(items.stream()
			.map((p) -> new PenaltyView(p.id(), p.zoneCode(), p.enterpriseCreditCode(),
					names.get(p.enterpriseCreditCode()), p.decidedOn(), p.amount(), p.reason(), p.decisionNumber(),
					p.hazardIds(), p.version()))
			.toList(), this.penalties.countPenalties(scope));
	}

	// ---- complaints

	@Transactional
	public ComplaintView receiveComplaint(SafetyCommands.ReceiveComplaint cmd) {
		Inputs.requireStaff();
		Inputs in = new Inputs();
		String zone = in.text(cmd.zoneCode(), "zoneCode", 32, true);
		if (zone != null) {
			if (this.zones.zone(zone).isEmpty()) {
				in.problem("zoneCode", "error.zoneNotFound", zone);
				zone = null;
			}
			else {
				CurrentUser.get().checkZone(zone);
			}
		}
		LocalDate received = in.date(cmd.receivedOn(), "receivedOn", true);
		String source = in.oneOf(cmd.source(), "source", this.properties.complaintSources(), true);
		String content = in.multiline(cmd.content(), "content", 2000, true);
		String code = Inputs.trim(cmd.enterpriseCreditCode());
		if (code != null) {
			Enterprise e = this.enterprises.find(code).orElse(null);
			if (e == null) {
				in.problem("enterpriseCreditCode", "error.enterpriseNotFound", code);
			}
			else if (zone != null && !e.zoneCode().equals(zone)) {
				in.problem("enterpriseCreditCode", "error.safety.enterpriseNotInZone", e.name());
			}
			else {
				code = e.creditCode();
			}
		}
		LocalDate deadline = in.date(cmd.deadline(), "deadline", false);
		if (deadline == null && received != null) {
			deadline = received.plusDays(this.properties.complaintDays());
		}
		if (received != null && deadline != null && deadline.isBefore(received)) {
			in.problem("deadline", "error.safety.dateTooEarly", received.toString());
		}
		in.check();
		long id = this.complaints.insertComplaint(zone, received, source, content, code, deadline,
				CurrentUser.usernameOrSystem());
		ComplaintView saved = complaint(id);
		this.audit.recordChange("CREATE", "safety_complaint", Long.toString(id), null, saved);
		return saved;
	}

	public ComplaintView complaint(long id) {
		Inputs.requireStaff();
		ComplaintView c = this.complaints.findComplaint(id, Inputs.today())
			.orElseThrow(() -> new NotFoundException("error.safety.complaintNotFound", id));
		CurrentUser.get().checkZone(c.zoneCode());
		return c;
	}

	public Page<ComplaintView> complaints(String zone, String status, int page, int size) {
		Inputs.requireStaff();
		Scope scope = Inputs.scope(this.zones, zone);
		return new Page<>(this.complaints.complaints(scope.zones(), status, Inputs.today(), page, size),
				this.complaints.countComplaints(scope.zones(), status));
	}

	@Transactional
	public ComplaintView handleComplaint(long id, SafetyCommands.ComplaintStep cmd) {
		return stepComplaint(id, cmd.on(), cmd.text(), List.of(ComplaintStatus.RECEIVED), ComplaintStatus.HANDLING,
				"handled_on", "handling_note", "HANDLE");
	}

	@Transactional
	public ComplaintView answerComplaint(long id, SafetyCommands.ComplaintStep cmd) {
		return stepComplaint(id, cmd.on(), cmd.text(), List.of(ComplaintStatus.RECEIVED, ComplaintStatus.HANDLING),
				ComplaintStatus.ANSWERED, "answered_on", "answer", "ANSWER");
	}

	@Transactional
	public ComplaintView closeComplaint(long id, SafetyCommands.CloseComplaint cmd) {
		return stepComplaint(id, cmd.closedOn(), cmd.reply(),
				List.of(ComplaintStatus.RECEIVED, ComplaintStatus.HANDLING, ComplaintStatus.ANSWERED),
				ComplaintStatus.CLOSED, "closed_on", "reply", "CLOSE");
	}

	private ComplaintView stepComplaint(long id, String onText, String text, List<ComplaintStatus> from,
			ComplaintStatus to, String dateColumn, String textColumn, String action) {
		ComplaintView before = complaint(id);
		Inputs in = new Inputs();
		String dateField = switch (to) {
			case HANDLING -> "handledOn";
			case ANSWERED -> "answeredOn";
			default -> "closedOn";
		};
		String textField = switch (to) {
			case HANDLING -> "note";
			case ANSWERED -> "answer";
			default -> "reply";
		};
		LocalDate on = in.date(onText, dateField, true);
		String value = in.multiline(text, textField, 2000, true);
		if (on != null && on.isBefore(before.receivedOn())) {
			in.problem(dateField, "error.safety.dateTooEarly", before.receivedOn().toString());
		}
		if (on != null && on.isAfter(Inputs.today())) {
			in.problem(dateField, "error.safety.future");
		}
		in.check();
		if (this.complaints.moveComplaint(id, from.stream().map(Enum::name).toList(), to.name(), dateColumn, on,
				textColumn, value) == 0) {
			throw new ConflictException("error.safety.complaintStep", before.status());
		}
		ComplaintView after = complaint(id);
		this.audit.recordChange(action, "safety_complaint", Long.toString(id), before, after);
		return after;
	}

	// ---- patrols and duty

	@Transactional
	public PatrolView recordPatrol(SafetyCommands.RecordPatrol cmd) {
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
		LocalDate on = in.date(cmd.patrolOn(), "patrolOn", true);
		String route = in.text(cmd.route(), "route", 300, true);
		String patrollers = in.text(cmd.patrollers(), "patrollers", 300, true);
		String findings = in.multiline(cmd.findings(), "findings", 2000, true);
		if (cmd.complaintId() != null) {
			var c = this.complaints.findComplaint(cmd.complaintId(), Inputs.today()).orElse(null);
			if (c == null || !c.zoneCode().equals(zone)) {
				in.problem("complaintId", "error.safety.complaintNotFound", cmd.complaintId());
			}
		}
		in.check();
		long id = this.patrols.insertPatrol(zone, on, route, patrollers, findings, cmd.complaintId(),
				CurrentUser.usernameOrSystem());
		PatrolView saved = this.patrols.patrols(List.of(zone), on, on, 0, 500)
			.stream()
			.filter((p) -> p.id() == id)
			.findFirst()
			.orElseThrow();
		this.audit.recordChange("CREATE", "safety_patrol", Long.toString(id), null, saved);
		return saved;
	}

	public Page<PatrolView> patrols(String zone, LocalDate from, LocalDate to, int page, int size) {
		Inputs.requireStaff();
		Scope scope = Inputs.scope(this.zones, zone);
		return new Page<>(this.patrols.patrols(scope.zones(), from, to, page, size),
				this.patrols.countPatrols(scope.zones(), from, to));
	}

	@Transactional
	public DutyView assignDuty(String zone, String dateText, SafetyCommands.AssignDuty cmd) {
		Inputs.requireStaff();
		CurrentUser.get().checkZone(zone);
		this.zones.require(zone);
		Inputs in = new Inputs();
		LocalDate on = in.date(dateText, "date", true);
		String leader = in.text(cmd.leader(), "leader", 64, true);
		String staff = in.text(cmd.staff(), "staff", 200, true);
		String phone = in.text(cmd.phone(), "phone", 32, true);
		in.check();
		DutyView before = this.duty.duty(zone, on).orElse(null);
		// without a version only a new day is written; a change names the version it was
		// read at (else 409)
		Versions
			.updated(this.duty.saveDuty(zone, on, leader, staff, phone, CurrentUser.usernameOrSystem(), cmd.version()));
		DutyView after = this.duty.duty(zone, on).orElseThrow();
		this.audit.recordChange((before == null) ? "CREATE" : "UPDATE", "safety_duty", zone + "/" + on, before, after);
		return after;
	}

	public List<DutyView> roster(String zone, LocalDate from, LocalDate to) {
		Inputs.requireStaff();
		CurrentUser.get().checkZone(zone);
		return this.duty.roster(zone, from, to);
	}

}
