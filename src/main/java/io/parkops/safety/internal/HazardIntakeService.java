package io.parkops.safety.internal;

import java.time.Instant;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.safety.HazardFound;
import io.parkops.safety.HazardIntake;
import io.parkops.safety.internal.Kinds.HazardStatus;
import io.parkops.safety.internal.Kinds.RectificationType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hazards handed over by other work lines ({@link HazardIntake}): a general hazard to be
 * rectified by its deadline, recorded as the signed-in user through the ordinary path, or
 * as {@code system} when a scheduled job hands it over.
 */
@Component
class HazardIntakeService implements HazardIntake {

	private final HazardService hazards;

	private final HazardStore store;

	private final EnterpriseRegistry enterprises;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final SafetyProperties properties;

	HazardIntakeService(HazardService hazards, HazardStore store, EnterpriseRegistry enterprises,
			ApplicationEventPublisher events, AuditTrail audit, SafetyProperties properties) {
		this.hazards = hazards;
		this.store = store;
		this.enterprises = enterprises;
		this.events = events;
		this.audit = audit;
		this.properties = properties;
	}

	/**
	 * A path of this application: a slash, then letters, digits and / _ - . ? = & only.
	 */
	static final java.util.regex.Pattern SOURCE_LINK = java.util.regex.Pattern.compile("/[A-Za-z0-9/_.?=&-]{1,199}");

	@Override
	@Transactional
	public long report(Report report) {
		String link = report.sourceLink();
		if (link != null && (!SOURCE_LINK.matcher(link).matches() || link.startsWith("//"))) {
			throw InvalidInputException.of("sourceLink", "error.badValue");
		}
		long id = record(report);
		if (link != null) {
			this.store.setSourceLink(id, link);
		}
		return id;
	}

	private long record(Report report) {
		String level = this.properties.levels().get(0);
		if (CurrentUser.find().isPresent()) {
			return this.hazards
				.recordHazard(new SafetyCommands.RecordHazard(report.enterpriseCreditCode(), null, level,
						report.category(), report.description(), report.location(), report.foundOn().toString(),
						report.deadline().toString(), RectificationType.BY_DEADLINE.name(), null))
				.id();
		}
		Enterprise enterprise = this.enterprises.find(report.enterpriseCreditCode())
			.orElseThrow(() -> new NotFoundException("error.enterpriseNotFound", report.enterpriseCreditCode()));
		if (!this.properties.categories().contains(report.category())) {
			throw InvalidInputException.of("category", "error.unknownValue", report.category(),
					String.join(", ", this.properties.categories()));
		}
		long id = this.store.insertHazard(enterprise.zoneCode(), enterprise.creditCode(), null, level,
				report.category(), report.description(), report.location(), RectificationType.BY_DEADLINE.name(),
				report.foundOn(), report.deadline(), null, "system");
		this.store.insertStep(id, "FOUND", HazardStatus.PENDING.name(), report.foundOn(), report.description(),
				"system");
		this.events.publishEvent(new HazardFound(id, enterprise.creditCode(), report.category(), Instant.now()));
		this.audit.recordChange("CREATE", "safety_hazard", Long.toString(id), null, this.hazards.find(id));
		return id;
	}

}
