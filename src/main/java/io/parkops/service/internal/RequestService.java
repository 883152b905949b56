package io.parkops.service.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.service.RequestRaised;
import io.parkops.service.RequestRated;
import io.parkops.service.RequestResolved;
import io.parkops.service.internal.Kinds.Category;
import io.parkops.service.internal.Kinds.Channel;
import io.parkops.service.internal.Kinds.Level;
import io.parkops.service.internal.Kinds.RequestStatus;
import io.parkops.service.internal.ServiceViews.Page;
import io.parkops.service.internal.ServiceViews.RequestView;
import io.parkops.service.internal.ServiceViews.StepView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests (诉求): raised by an enterprise in the portal or recorded by staff, handled by a
 * department at a level, resolved with a result, rated by the enterprise alone (a rating
 * of 2 or less reopens it), withdrawn by the enterprise alone. The deadline is the
 * category's SLA from the day it was raised; overdue requests escalate to the leaders.
 */
@Service
public class RequestService {

	/** Satisfaction at or below this reopens the request. */
	static final int REOPEN_AT = 2;

	private final RequestStore store;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final ServiceProperties properties;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final ActivityService visits;

	RequestService(RequestStore store, EnterpriseRegistry enterprises, ZoneDirectory zones,
			ServiceProperties properties, ApplicationEventPublisher events, AuditTrail audit, ActivityService visits) {
		this.visits = visits;
		this.store = store;
		this.enterprises = enterprises;
		this.zones = zones;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
	}

	@Transactional
	public RequestView raise(ServiceCommands.RaiseRequest cmd) {
		CurrentUser me = CurrentUser.get();
		Inputs in = new Inputs();
		Enterprise enterprise = null;
		String code = in.text(cmd.enterpriseCreditCode(), "enterpriseCreditCode", 18, !me.isEnterpriseUser());
		if (code == null && me.isEnterpriseUser()) {
			code = me.enterpriseCreditCode();
		}
		if (code != null) {
			enterprise = visible(code, "enterpriseCreditCode", in);
		}
		Channel channel = in.choice(Channel.class, cmd.channel(), "channel", !me.isEnterpriseUser());
		if (me.isEnterpriseUser()) {
			if (channel != null && channel != Channel.PORTAL) {
				in.problem("channel", "error.service.portalOnly");
			}
			channel = Channel.PORTAL;
		}
		Category category = in.choice(Category.class, cmd.category(), "category");
		String title = in.text(cmd.title(), "title", 200, true);
		String content = in.multiline(cmd.content(), "content", 4000, true);
		LocalDate raisedOn = Scopes.past(in, cmd.raisedOn(), "raisedOn", false);
		if (cmd.visitId() != null) {
			// raised on the spot during a visit: staff record it, the visit went to this
			// enterprise of its zone
			if (channel != Channel.VISIT) {
				in.problem("visitId", "error.service.visitChannel");
			}
			else if (enterprise != null
					&& !this.visits.visited(cmd.visitId(), enterprise.zoneCode(), enterprise.creditCode())) {
				in.problem("visitId", "error.service.visitEnterprise", cmd.visitId());
			}
		}
		in.check();
		if (raisedOn == null) {
			raisedOn = Scopes.today();
		}
		LocalDate deadline = raisedOn.plusDays(this.properties.slaDays(category.name()));
		long id = this.store.insert(enterprise.zoneCode(), enterprise.creditCode(), channel.name(), category.name(),
				title, content, raisedOn, deadline, me.username(), cmd.visitId());
		this.store.step(id, "SUBMITTED", raisedOn, me.username(), title);
		RequestView saved = require(id);
		this.events.publishEvent(new RequestRaised(id, enterprise.creditCode(), title, Instant.now()));
		this.audit.recordChange("CREATE", "service_request", Long.toString(id), null, saved);
		return saved;
	}

	@Transactional
	public RequestView handle(long id, ServiceCommands.Handling cmd) {
		Scopes.requireStaff();
		RequestView before = require(id);
		Inputs in = new Inputs();
		LocalDate on = Scopes.past(in, cmd.on(), "on", true);
		String department = in.text(cmd.department(), "department", 100, true);
		String handler = in.text(cmd.handler(), "handler", 64, true);
		Level level = in.choice(Level.class, cmd.level(), "level", false);
		if (on != null && on.isBefore(before.raisedOn())) {
			in.problem("on", "error.service.beforeRaised", before.raisedOn());
		}
		in.check();
		String lvl = (level != null) ? level.name() : "ZONE";
		Map<String, Object> p = new HashMap<>();
		p.put("on", on);
		p.put("dep", department);
		p.put("handler", handler);
		p.put("level", lvl);
		changed(this.store.transition(id, List.of("SUBMITTED", "IN_PROGRESS"),
				"status = 'IN_PROGRESS', handled_on = :on, department = :dep, handler = :handler, level = :level", p),
				before);
		this.store.step(id, "IN_PROGRESS", on, CurrentUser.get().username(), department + " · " + handler);
		return after("HANDLE", before);
	}

	@Transactional
	public RequestView resolve(long id, ServiceCommands.Resolution cmd) {
		Scopes.requireStaff();
		RequestView before = require(id);
		Inputs in = new Inputs();
		LocalDate on = Scopes.past(in, cmd.on(), "on", true);
		String result = in.multiline(cmd.result(), "result", 4000, true);
		if (on != null && before.handledOn() != null && on.isBefore(before.handledOn())) {
			in.problem("on", "error.service.beforeHandled", before.handledOn());
		}
		in.check();
		Map<String, Object> p = new HashMap<>();
		p.put("on", on);
		p.put("result", result);
		changed(this.store.transition(id, List.of("IN_PROGRESS"),
				"status = 'RESOLVED', resolved_on = :on, result = :result", p), before);
		this.store.step(id, "RESOLVED", on, CurrentUser.get().username(), result);
		this.events.publishEvent(new RequestResolved(id, before.enterpriseCreditCode(), before.title(), Instant.now()));
		return after("RESOLVE", before);
	}

	@Transactional
	public RequestView rate(long id, ServiceCommands.Rating cmd) {
		RequestView before = require(id);
		ownEnterprise(before);
		Inputs in = new Inputs();
		Integer satisfaction = in.whole(cmd.satisfaction(), "satisfaction", 1, 5, true);
		String comment = in.multiline(cmd.comment(), "comment", 1000, false);
		in.check();
		LocalDate today = Scopes.today();
		Map<String, Object> p = new HashMap<>();
		p.put("s", satisfaction);
		p.put("comment", comment);
		p.put("today", today);
		boolean reopen = satisfaction <= REOPEN_AT;
		String set = reopen
				? "status = 'IN_PROGRESS', satisfaction = :s, rating_comment = :comment, rated_on = :today,"
						+ " resolved_on = NULL, reopened = reopened + 1"
				: "status = 'RATED', satisfaction = :s, rating_comment = :comment, rated_on = :today";
		changed(this.store.transition(id, List.of("RESOLVED"), set, p), before);
		String actor = CurrentUser.get().username();
		this.store.step(id, "RATED", today, actor, satisfaction + ((comment != null) ? " · " + comment : ""));
		if (reopen) {
			this.store.step(id, "REOPENED", today, actor, null);
		}
		this.events.publishEvent(
				new RequestRated(id, before.enterpriseCreditCode(), Integer.toString(satisfaction), Instant.now()));
		return after("RATE", before);
	}

	@Transactional
	public RequestView withdraw(long id, ServiceCommands.Withdrawal cmd) {
		RequestView before = require(id);
		ownEnterprise(before);
		Inputs in = new Inputs();
		LocalDate on = Scopes.past(in, (cmd != null) ? cmd.on() : null, "on", false);
		String reason = in.multiline((cmd != null) ? cmd.reason() : null, "reason", 1000, false);
		in.check();
		if (on == null) {
			on = Scopes.today();
		}
		Map<String, Object> p = new HashMap<>();
		p.put("on", on);
		changed(this.store.transition(id, List.of("SUBMITTED", "IN_PROGRESS"),
				"status = 'WITHDRAWN', withdrawn_on = :on", p), before);
		this.store.step(id, "WITHDRAWN", on, CurrentUser.get().username(), reason);
		return after("WITHDRAW", before);
	}

	/** Only a user of the requesting enterprise rates or withdraws; anyone else → 403. */
	private static void ownEnterprise(RequestView request) {
		CurrentUser me = CurrentUser.get();
		if (!me.isEnterpriseUser() || !me.enterpriseCreditCode().equals(request.enterpriseCreditCode())) {
			throw new ForbiddenException("error.service.onlyOwnEnterprise");
		}
	}

	private static void changed(int rows, RequestView before) {
		if (rows == 0) {
			throw new ConflictException("error.service.wrongStatus", before.status());
		}
	}

	private RequestView after(String action, RequestView before) {
		RequestView saved = require(before.id());
		this.audit.recordChange(action, "service_request", Long.toString(before.id()), before, saved);
		return saved;
	}

	/** A request the current user may see (404 when unknown, 403 when out of scope). */
	public RequestView require(long id) {
		RequestView r = this.store.find(id, Scopes.today())
			.orElseThrow(() -> new NotFoundException("error.service.requestNotFound", id));
		CurrentUser.get().checkEnterprise(r.enterpriseCreditCode(), r.zoneCode());
		return r.withName(this.enterprises.names(List.of(r.enterpriseCreditCode())).get(r.enterpriseCreditCode()));
	}

	public List<StepView> steps(long id) {
		require(id);
		return this.store.steps(id);
	}

	public Page<RequestView> list(String zone, String status, String category, String enterprise, Boolean overdue,
			String q, LocalDate from, LocalDate to, int page, int size) {
		Inputs in = new Inputs();
		RequestStatus st = in.choice(RequestStatus.class, status, "status", false);
		Category cat = in.choice(Category.class, category, "category", false);
		String text = in.text(q, "q", 100, false);
		String cc = in.text(enterprise, "enterprise", 18, false);
		in.check();
		Scopes scope = Scopes.of(this.zones, CurrentUser.get().isEnterpriseUser() ? null : zone);
		RequestStore.Filter f = new RequestStore.Filter(scope, (st != null) ? st.name() : null,
				(cat != null) ? cat.name() : null, cc, overdue, text, from, to, Math.max(page, 0),
				Math.max(1, Math.min(size, 200)));
		LocalDate today = Scopes.today();
		List<RequestView> items = this.store.list(f, today);
		Map<String, String> names = this.enterprises
			.names(items.stream().map(RequestView::enterpriseCreditCode).distinct().toList());
		long cap = (long) f.page() * f.size() + RequestStore.COUNT_AHEAD + 1;
		long total = this.store.count(f, today, cap);
		return new Page<>(items.stream().map((r) -> r.withName(names.get(r.enterpriseCreditCode()))).toList(),
				Math.min(total, cap - 1), total >= cap);
	}

	/** Marks open requests past their deadline as escalated to the leaders. */
	@Transactional
	public int escalateOverdue(String zone, LocalDate today) {
		if (zone != null) {
			Scopes.of(this.zones, zone);
		}
		List<Long> ids = this.store.escalate(zone, today);
		for (Long id : ids) {
			this.store.step(id, "ESCALATED", today, "system", null);
		}
		return ids.size();
	}

	private Enterprise visible(String code, String field, Inputs in) {
		Enterprise e = this.enterprises.find(code.toUpperCase(java.util.Locale.ROOT)).orElse(null);
		if (e == null) {
			in.problem(field, "error.enterpriseNotFound", code);
			return null;
		}
		CurrentUser.get().checkEnterprise(e.creditCode(), e.zoneCode());
		return e;
	}

	static InvalidInputException problem(String field, String key, Object... args) {
		return InvalidInputException.of(field, key, args);
	}

}
