package io.parkops.land.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.land.LeaseSigned;
import io.parkops.land.internal.AssetStore.LeaseRow;
import io.parkops.land.internal.AssetViews.Arrears;
import io.parkops.land.internal.AssetViews.AssetSummary;
import io.parkops.land.internal.AssetViews.BillView;
import io.parkops.land.internal.AssetViews.Bills;
import io.parkops.land.internal.AssetViews.LeaseView;
import io.parkops.land.internal.AssetViews.LitigationView;
import io.parkops.land.internal.AssetViews.PaymentView;
import io.parkops.land.internal.AssetViews.Receipt;
import io.parkops.land.internal.AssetViews.UnitView;
import io.parkops.land.internal.Kinds.UnitKind;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ZoneDirectory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform company's assets (资产运营): units, leases, rent bills, payments, arrears by
 * age and litigation. A tenant enterprise sees only its own leases and bills.
 */
@Service
public class AssetService {

	private final AssetStore store;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final LandProperties properties;

	private final RentBills bills;

	AssetService(AssetStore store, EnterpriseRegistry enterprises, ZoneDirectory zones,
			ApplicationEventPublisher events, AuditTrail audit, LandProperties properties, RentBills bills) {
		this.store = store;
		this.bills = bills;
		this.enterprises = enterprises;
		this.zones = zones;
		this.events = events;
		this.audit = audit;
		this.properties = properties;
	}

	// ---- units

	@Transactional
	public UnitView registerUnit(LandCommands.RegisterUnit cmd) {
		LandScope.requireStaff();
		Inputs in = new Inputs();
		String zone = LandScope.zone(this.zones, in, cmd.zoneCode());
		String building = in.text(cmd.building(), "building", 64, true);
		String unit = in.text(cmd.unit(), "unit", 32, true);
		UnitKind kind = in.choice(UnitKind.class, cmd.kind(), "kind");
		BigDecimal area = LandService.positive(in, cmd.areaM2(), "areaM2", 10, 2);
		in.check();
		long id = this.store.insertUnit(zone, building, unit, kind.name(), area, CurrentUser.usernameOrSystem())
			.orElseThrow(() -> new ConflictException("error.land.unitExists", building, unit));
		UnitView saved = unit(id);
		this.audit.recordChange("CREATE", "asset_unit", Long.toString(id), null, saved);
		return saved;
	}

	public UnitView unit(long id) {
		UnitView u = this.store.unit(id, LandScope.today())
			.orElseThrow(() -> new NotFoundException("error.land.unitNotFound", id));
		LandScope.zones(this.zones, u.zoneCode());
		return u;
	}

	public List<UnitView> units(String zone) {
		return this.store.units(LandScope.zones(this.zones, zone), LandScope.today());
	}

	// ---- leases

	@Transactional
	public LeaseView signLease(LandCommands.SignLease cmd) {
		LandScope.requireStaff();
		Inputs in = new Inputs();
		UnitView unit = null;
		if (cmd.unitId() == null) {
			in.problem("unitId", "error.required");
		}
		else {
			unit = this.store.unit(cmd.unitId(), LandScope.today()).orElse(null);
			if (unit == null) {
				in.problem("unitId", "error.land.unitNotFound", cmd.unitId());
			}
			else {
				CurrentUser.get().checkZone(unit.zoneCode());
			}
		}
		String tenant = in.text(cmd.tenantCreditCode(), "tenantCreditCode", 18, true);
		Enterprise e = null;
		if (tenant != null) {
			e = this.enterprises.find(tenant.toUpperCase(Locale.ROOT)).orElse(null);
			if (e == null) {
				in.problem("tenantCreditCode", "error.enterpriseNotFound", Inputs.shorten(tenant));
			}
			else if (unit != null && !e.zoneCode().equals(unit.zoneCode())) {
				in.problem("tenantCreditCode", "error.land.enterpriseNotInZone", e.name());
			}
		}
		LocalDate from = LandScope.date(in, cmd.from(), "from", true);
		LocalDate to = LandScope.date(in, cmd.to(), "to", true);
		if (from != null && to != null && to.isBefore(from)) {
			in.problem("to", "error.land.toBeforeFrom");
		}
		BigDecimal rent = LandService.positive(in, cmd.rentPerM2Month(), "rentPerM2Month", 10, 2);
		BigDecimal deposit = in.number(cmd.deposit(), "deposit", 14, 2, BigDecimal.ZERO, false);
		in.check();
		this.store.lockUnit(unit.id());
		if (this.store.overlaps(unit.id(), from, to)) {
			throw new ConflictException("error.land.unitLeased");
		}
		long id = this.store.insertLease(unit.id(), unit.zoneCode(), e.creditCode(), from, to, rent,
				(deposit != null) ? deposit : BigDecimal.ZERO, RentLedger.monthlyRent(unit.areaM2(), rent),
				CurrentUser.usernameOrSystem());
		// the bills of the periods begun (a lease signed after its start owes them now)
		this.bills.reconcile(this.store.lease(id).orElseThrow(), LandScope.today(), CurrentUser.usernameOrSystem());
		LeaseView saved = lease(id);
		this.events.publishEvent(
				new LeaseSigned(e.creditCode(), Instant.now(), unit.building() + unit.unit(), "/assets/leases/" + id));
		this.audit.recordChange("CREATE", "asset_lease", Long.toString(id), null, saved);
		return saved;
	}

	/** A lease the current user may see: staff of its zone, or its tenant. */
	public LeaseView lease(long id) {
		LeaseRow row = leaseRow(id);
		return views(List.of(row), LandScope.today()).get(0);
	}

	LeaseRow leaseRow(long id) {
		LeaseRow row = this.store.lease(id).orElseThrow(() -> new NotFoundException("error.land.leaseNotFound", id));
		CurrentUser.get().checkEnterprise(row.tenant(), row.zoneCode());
		return row;
	}

	/** Leases of the zone (staff) or the tenant's own (enterprise user). */
	public List<LeaseView> leases(String zone, String tenant) {
		CurrentUser me = CurrentUser.get();
		List<LeaseRow> rows;
		if (me.isEnterpriseUser()) {
			rows = this.store.leasesOfTenant(me.enterpriseCreditCode());
		}
		else {
			String t = Inputs.trim(tenant);
			rows = this.store.leases(LandScope.zones(this.zones, zone),
					(t != null) ? t.toUpperCase(Locale.ROOT) : null);
		}
		return views(rows, LandScope.today());
	}

	public Bills bills(long id) {
		LeaseRow row = leaseRow(id);
		List<BillView> list = this.bills.ofLeases(List.of(row), LandScope.today()).getOrDefault(id, List.of());
		return new Bills(id, list, arrears(list));
	}

	public List<PaymentView> payments(long id) {
		leaseRow(id);
		return this.store.payments(List.of(id)).getOrDefault(id, List.of());
	}

	/** What the bills leave unpaid, by how long each is overdue. */
	static RentLedger.Buckets arrears(List<BillView> bills) {
		RentLedger.Buckets b = RentLedger.Buckets.zero();
		for (BillView bill : bills) {
			if (bill.outstanding().signum() > 0) {
				b = b.plus(bill.daysOverdue(), bill.outstanding());
			}
		}
		return b;
	}

	List<LeaseView> views(List<LeaseRow> rows, LocalDate asOf) {
		List<Long> ids = rows.stream().map(LeaseRow::id).toList();
		Map<Long, List<PaymentView>> payments = this.store.payments(ids);
		Map<Long, List<BillView>> billsOf = this.bills.ofLeases(rows, asOf);
		Set<Long> litigation = new HashSet<>(this.store.leasesInLitigation(ids));
		Map<String, String> names = this.enterprises.names(rows.stream().map(LeaseRow::tenant).toList());
		List<LeaseView> views = new ArrayList<>(rows.size());
		for (LeaseRow r : rows) {
			List<PaymentView> paid = payments.getOrDefault(r.id(), List.of());
			List<BillView> bills = billsOf.getOrDefault(r.id(), List.of());
			RentLedger.Buckets buckets = arrears(bills);
			BigDecimal billed = bills.stream().map(BillView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal received = paid.stream()
				.filter((p) -> !p.on().isAfter(asOf))
				.map(PaymentView::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			views.add(new LeaseView(r.id(), r.unitId(), r.zoneCode(), r.building(), r.unit(), r.unitKind(), r.areaM2(),
					r.tenant(), names.get(r.tenant()), r.from(), r.to(), r.rentPerM2Month(), r.monthlyRent(),
					r.deposit(), billed, received, buckets.total(), buckets, litigation.contains(r.id()),
					r.terminatedOn(), r.terminationReason(), r.version()));
		}
		return views;
	}

	/**
	 * Records a payment (元): against the bill named ({@code billId} with its
	 * {@code version}), else against the lease's oldest open bills; more than they ask →
	 * 400.
	 */
	@Transactional
	public Receipt recordPayment(LandCommands.RecordPayment cmd) {
		LandScope.requireStaff();
		Inputs in = new Inputs();
		Long leaseId = cmd.leaseId();
		if (leaseId == null && cmd.billId() != null) {
			leaseId = this.bills.leaseOfBill(cmd.billId()).orElse(null);
			if (leaseId == null) {
				in.problem("billId", "error.land.billNotFound", cmd.billId());
			}
		}
		LeaseRow lease = null;
		if (leaseId == null) {
			if (cmd.billId() == null) {
				in.problem("leaseId", "error.required");
			}
		}
		else {
			lease = this.store.lease(leaseId).orElse(null);
			if (lease == null) {
				in.problem("leaseId", "error.land.leaseNotFound", leaseId);
			}
			else {
				CurrentUser.get().checkZone(lease.zoneCode());
			}
		}
		LocalDate on = LandScope.pastDate(in, cmd.on(), "on", true);
		BigDecimal amount = LandService.positive(in, cmd.amount(), "amount", 14, 2);
		in.check();
		Receipt saved = this.bills.pay(lease, cmd.billId(), cmd.version(), on, amount, CurrentUser.usernameOrSystem(),
				LandScope.today());
		for (PaymentView p : saved.payments()) {
			this.audit.recordChange("CREATE", "asset_payment", Long.toString(p.id()), null, p);
		}
		return saved;
	}

	@Transactional
	public LitigationView recordLitigation(long leaseId, LandCommands.RecordLitigation cmd) {
		LandScope.requireStaff();
		LeaseRow lease = leaseRow(leaseId);
		Inputs in = new Inputs();
		LocalDate on = LandScope.pastDate(in, cmd.on(), "on", true);
		String note = in.text(cmd.note(), "note", 500, false);
		in.check();
		long id = this.store.insertLitigation(lease.id(), on, note, CurrentUser.usernameOrSystem());
		LitigationView saved = this.store.litigation(id);
		this.audit.recordChange("CREATE", "asset_litigation", Long.toString(id), null, saved);
		return saved;
	}

	/**
	 * 退租: ends a lease on the day (within its term, not before its start): no rent is
	 * billed after it and the unit is free from the next day. A lease already ended →
	 * 409.
	 */
	@Transactional
	public LeaseView terminate(long leaseId, LandCommands.TerminateLease cmd) {
		LandScope.requireStaff();
		LeaseRow lease = leaseRow(leaseId);
		Inputs in = new Inputs();
		LocalDate on = LandScope.date(in, cmd.on(), "on", true);
		String reason = in.text(cmd.reason(), "reason", 500, true);
		if (on != null && (on.isBefore(lease.from()) || on.isAfter(lease.to()))) {
			in.problem("on", "error.land.terminationOutsideTerm", lease.from(), lease.to());
		}
		in.check();
		if (this.store.terminate(leaseId, on, reason) == 0) {
			throw new ConflictException("error.land.leaseTerminated");
		}
		// no rent after the day: the period it ends in is cut, later bills withdrawn
		this.bills.reconcile(this.store.lease(leaseId).orElseThrow(), LandScope.today(),
				CurrentUser.usernameOrSystem());
		LeaseView after = lease(leaseId);
		this.audit.recordChange("TERMINATE", "asset_lease", Long.toString(leaseId), lease, after);
		return after;
	}

	// ---- summary

	/**
	 * Rent collected in {@code [from, to]}; occupancy, arrears and expiring leases on
	 * {@code to} (today when it lies ahead). Checks no user: callers check the zone.
	 */
	public AssetSummary summary(String zone, LocalDate from, LocalDate to) {
		LocalDate asOf = to.isAfter(LandScope.today()) ? LandScope.today() : to;
		BigDecimal collected = this.store.collected(zone, from, to).setScale(2, RoundingMode.HALF_UP);
		BigDecimal[] occupancy = this.store.occupancy(zone, asOf);
		BigDecimal pct = (occupancy[0].signum() > 0)
				? occupancy[1].multiply(BigDecimal.valueOf(100)).divide(occupancy[0], 2, RoundingMode.HALF_UP)
				: BigDecimal.ZERO.setScale(2);
		List<LeaseView> leases = views(this.store.leases(List.of(zone), null), asOf);
		RentLedger.Buckets total = RentLedger.Buckets.zero();
		Set<String> owing = new HashSet<>();
		long expiring = 0;
		for (LeaseView l : leases) {
			total = total.plus(l.buckets());
			if (l.arrears().signum() > 0) {
				owing.add(l.tenantCreditCode());
			}
			if (expiring(l, asOf)) {
				expiring++;
			}
		}
		RentLedger.Buckets rounded = new RentLedger.Buckets(two(total.current()), two(total.d1_30()),
				two(total.d31_60()), two(total.d61_90()), two(total.d90plus()));
		return new AssetSummary(collected, pct, new Arrears(owing.size(), two(total.total()), rounded),
				this.store.litigationEnterprises(zone, from, to), expiring);
	}

	/**
	 * The leases of one tenant on the day, for its own reminders (the caller passes its
	 * own enterprise: no other tenant's lease is read).
	 */
	List<LeaseView> leasesOfTenant(String tenant, LocalDate asOf) {
		return views(this.store.leasesOfTenant(tenant), asOf);
	}

	/** Whether a lease is running and ends within the expiry window of the day. */
	public boolean expiring(LeaseView l, LocalDate asOf) {
		return l.terminatedOn() == null && !l.to().isBefore(asOf)
				&& !l.to().isAfter(asOf.plusDays(this.properties.expiringDays()));
	}

	/** Leases of a zone whose arrears are over 90 days on the day. */
	public List<LeaseView> longArrears(String zone, LocalDate asOf) {
		return views(this.store.leases(List.of(zone), null), asOf).stream()
			.filter((l) -> l.buckets().d90plus().signum() > 0)
			.toList();
	}

	/** Leases of a zone ending within the expiry window. */
	public List<LeaseView> expiring(String zone, LocalDate asOf) {
		return views(this.store.leases(List.of(zone), null), asOf).stream().filter((l) -> expiring(l, asOf)).toList();
	}

	private static BigDecimal two(BigDecimal v) {
		return v.setScale(2, RoundingMode.HALF_UP);
	}

	static void requireTenantOrStaff(String tenant, String zone) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser() && !me.enterpriseCreditCode().equals(tenant)) {
			throw new ForbiddenException("error.enterpriseOutOfScope");
		}
		if (!me.isEnterpriseUser()) {
			me.checkZone(zone);
		}
	}

}
