package io.parkops.safety.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.safety.NoticeIssued;
import io.parkops.safety.internal.Kinds.NoticeKind;
import io.parkops.safety.internal.SafetyViews.HazardView;
import io.parkops.safety.internal.SafetyViews.NoticeView;
import io.parkops.safety.internal.SafetyViews.Page;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices (整改通知书 / 责令改正通知书) issued to an enterprise for its hazards, numbered per zone
 * and year (〔2024〕12号), and their official document.
 */
@Service
public class NoticeService {

	private final HazardStore hazardStore;

	private final NoticeStore noticeStore;

	private final InspectionStore inspectionStore;

	private final HazardService hazards;

	private final EnterpriseRegistry enterprises;

	private final ApplicationEventPublisher events;

	private final ZoneDirectory zones;

	private final AuditTrail audit;

	private final SafetyProperties properties;

	NoticeService(HazardStore hazardStore, NoticeStore noticeStore, InspectionStore inspectionStore,
			HazardService hazards, EnterpriseRegistry enterprises, ApplicationEventPublisher events,
			ZoneDirectory zones, AuditTrail audit, SafetyProperties properties) {
		this.hazardStore = hazardStore;
		this.noticeStore = noticeStore;
		this.inspectionStore = inspectionStore;
		this.hazards = hazards;
		this.enterprises = enterprises;
		this.events = events;
		this.zones = zones;
		this.audit = audit;
		this.properties = properties;
	}

	@Transactional
	public NoticeView issue(SafetyCommands.IssueNotice cmd) {
		Inputs.requireStaff();
		Inputs in = new Inputs();
		Enterprise enterprise = null;
		if (Inputs.trim(cmd.enterpriseCreditCode()) == null) {
			in.problem("enterpriseCreditCode", "error.required");
		}
		else {
			enterprise = this.enterprises.requireVisible(cmd.enterpriseCreditCode().trim());
		}
		NoticeKind kind = in.choice(NoticeKind.class, cmd.kind(), "kind");
		LocalDate issuedOn = in.date(cmd.issuedOn(), "issuedOn", true);
		LocalDate deadline = in.date(cmd.deadline(), "deadline", true);
		if (issuedOn != null && deadline != null && deadline.isBefore(issuedOn)) {
			in.problem("deadline", "error.safety.dateTooEarly", issuedOn.toString());
		}
		List<Long> ids = (cmd.hazardIds() != null) ? cmd.hazardIds().stream().distinct().toList() : List.of();
		if (ids.isEmpty()) {
			in.problem("hazardIds", "error.safety.noHazards");
		}
		else if (enterprise != null) {
			List<HazardView> found = this.hazardStore.hazardsByIds(ids, Inputs.today(), this.properties.planLevels());
			for (Long id : ids) {
				boolean own = found.stream()
					.anyMatch(
							(h) -> h.id() == id && h.enterpriseCreditCode().equals(cmd.enterpriseCreditCode().trim()));
				if (!own) {
					in.problem("hazardIds", "error.safety.hazardNotOfEnterprise", id);
				}
			}
		}
		in.check();
		int year = issuedOn.getYear();
		int seq = this.noticeStore.nextNoticeNumber(enterprise.zoneCode(), year);
		String zoneName = this.zones.require(enterprise.zoneCode()).name();
		String number = this.properties.numberOf(enterprise.zoneCode(), zoneName, year, seq);
		String issuer = this.properties.issuer(enterprise.zoneCode(), zoneName);
		long id = this.noticeStore.insertNotice(enterprise.zoneCode(), enterprise.creditCode(), kind.name(), year, seq,
				number, issuedOn, deadline, issuer, ids, CurrentUser.usernameOrSystem());
		NoticeView saved = this.noticeStore.findNotice(id).orElseThrow();
		for (Long hazard : ids) {
			this.hazardStore.insertStep(hazard, "NOTICE", this.hazards.find(hazard).status(), issuedOn, number,
					CurrentUser.usernameOrSystem());
		}
		this.events.publishEvent(new NoticeIssued(id, enterprise.creditCode(), number, Instant.now()));
		this.audit.recordChange("ISSUE", "safety_notice", Long.toString(id), null, saved);
		return named(saved);
	}

	public NoticeView notice(long id) {
		NoticeView notice = this.noticeStore.findNotice(id)
			.orElseThrow(() -> new NotFoundException("error.safety.noticeNotFound", id));
		CurrentUser.get().checkEnterprise(notice.enterpriseCreditCode(), notice.zoneCode());
		return named(notice);
	}

	public Page<NoticeView> notices(String zone, Long hazardId, int page, int size) {
		Scope scope = Inputs.scope(this.zones, CurrentUser.get().isEnterpriseUser() ? null : zone);
		List<NoticeView> items = this.noticeStore.notices(scope, hazardId, page, size);
		Map<String, String> names = this.enterprises
			.names(items.stream().map(NoticeView::enterpriseCreditCode).distinct().toList());
		List<NoticeView> named = new ArrayList<>();
		items.forEach((n) -> named.add(withName(n, names.get(n.enterpriseCreditCode()))));
		return new Page<>(named, this.noticeStore.countNotices(scope));
	}

	private NoticeView named(NoticeView n) {
		return withName(n, this.enterprises.names(List.of(n.enterpriseCreditCode())).get(n.enterpriseCreditCode()));
	}

	private static NoticeView withName(NoticeView n, String name) {
		return new NoticeView(n.id(), n.zoneCode(), n.enterpriseCreditCode(), name, n.kind(), n.number(), n.year(),
				n.seq(), n.issuedOn(), n.deadline(), n.issuer(), n.hazardIds(), n.version());
	}

	/** Writes the notice as a .docx in the official layout (GB/T 9704-2012). */
	public void writeDocument(long id, OutputStream out) throws IOException {
		NoticeView notice = notice(id);
		List<HazardView> items = this.hazardStore.hazardsByIds(notice.hazardIds(), Inputs.today(),
				this.properties.planLevels());
		List<String> inspectors = items.stream()
			.map(HazardView::inspectionId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.map(this.inspectionStore::findInspection)
			.flatMap(java.util.Optional::stream)
			.map(SafetyViews.InspectionView::people)
			.filter((p) -> p != null && !p.isBlank())
			.flatMap((p) -> java.util.Arrays.stream(p.split("[、，,;；\\s]+")))
			.filter((p) -> !p.isBlank())
			.distinct()
			.toList();
		String address = this.enterprises.find(notice.enterpriseCreditCode()).map(Enterprise::address).orElse(null);
		NoticeDocument.Content content = new NoticeDocument.Content(items, inspectors, address,
				this.properties.reconsiderationBody(notice.zoneCode()), this.properties.court(notice.zoneCode()),
				items.stream().map((h) -> this.properties.legalBasisOf(h.category())).toList());
		NoticeDocument.write(notice, content, out);
	}

}
