package io.parkops.land.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.land.internal.AssetStore.LeaseRow;
import io.parkops.land.internal.AssetViews.BillPage;
import io.parkops.land.internal.AssetViews.BillView;
import io.parkops.land.internal.AssetViews.PaymentView;
import io.parkops.land.internal.AssetViews.Receipt;
import io.parkops.land.internal.BillStore.BillRow;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored rent bills (租金账单): one per lease and period as {@link RentLedger} cuts the
 * term, issued for each period begun (when the lease is signed and by the daily
 * {@link RentBillJob}; idempotent, one per lease and period), brought in line when a
 * lease ends early, paid by payments recorded against them (never beyond what a bill
 * asks), and searched by status, tenant and period. A tenant sees only its own bills.
 */
@Service
public class RentBills {

	/** The statuses of a bill: 未缴, 部分缴纳, 已缴清, 逾期. */
	public enum Status {

		UNPAID, PARTIAL, PAID, OVERDUE

	}

	private final BillStore store;

	private final AssetStore assets;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final LandProperties properties;

	RentBills(BillStore store, AssetStore assets, EnterpriseRegistry enterprises, ZoneDirectory zones,
			LandProperties properties) {
		this.store = store;
		this.assets = assets;
		this.enterprises = enterprises;
		this.zones = zones;
		this.properties = properties;
	}

	/**
	 * A bill's status on the day: paid in full → PAID; else past its due day → OVERDUE;
	 * else partly paid → PARTIAL; else UNPAID.
	 */
	static Status status(BigDecimal amount, BigDecimal paid, LocalDate dueOn, LocalDate today) {
		if (paid.compareTo(amount) >= 0) {
			return Status.PAID;
		}
		if (dueOn.isBefore(today)) {
			return Status.OVERDUE;
		}
		return (paid.signum() > 0) ? Status.PARTIAL : Status.UNPAID;
	}

	// ---- issuing

	/**
	 * Issues the bills of a lease's periods begun by the day that it lacks, and brings
	 * the issued ones in line with its term (a lease ended early: the period it ends in
	 * is cut to its share by days, later ones withdrawn). A bill already paid beyond what
	 * the new term asks → 409, nothing changed. Checks no user: callers do.
	 * @return how many bills were issued
	 */
	int reconcile(LeaseRow lease, LocalDate today, String by) {
		List<RentLedger.Bill> schedule = RentLedger.bills(lease.from(), lease.to(), lease.monthlyRent(), List.of(),
				today, this.properties.billDueDay());
		Map<LocalDate, BillRow> issued = new HashMap<>();
		for (BillRow b : this.store.billsOfLease(lease.id())) {
			issued.put(b.periodFrom(), b);
		}
		int made = 0;
		for (RentLedger.Bill s : schedule) {
			BillRow b = issued.remove(s.periodFrom());
			if (b == null) {
				if (this.store
					.insertBill(lease.id(), lease.zoneCode(), lease.tenant(), s.periodFrom(), s.periodTo(), s.dueOn(),
							s.amount(), status(s.amount(), BigDecimal.ZERO, s.dueOn(), today).name(), by)
					.isPresent()) {
					made++;
				}
			}
			else if (!b.periodTo().equals(s.periodTo()) || b.amount().compareTo(s.amount()) != 0) {
				if (b.paid().compareTo(s.amount()) > 0) {
					throw new ConflictException("error.land.billPaidBeyondTerm", b.periodFrom(), b.paid());
				}
				this.store.changeTerms(b.id(), s.periodTo(), s.amount(),
						status(s.amount(), b.paid(), b.dueOn(), today).name());
			}
		}
		// periods after the lease's (new) end
		for (BillRow b : issued.values()) {
			if (b.paid().signum() > 0) {
				throw new ConflictException("error.land.billPaidBeyondTerm", b.periodFrom(), b.paid());
			}
			this.store.deleteBill(b.id());
		}
		return made;
	}

	/** What a run of the billing job did. */
	public record Run(int issued, int assigned, int overdue) {
	}

	/**
	 * The billing job's work for the day: issues every lease's bills of the periods begun
	 * by then, puts payments recorded before bills were stored against the oldest open
	 * bills of their lease, and marks the bills past their due day 逾期. Running it again
	 * the same day changes nothing.
	 */
	@Transactional
	public Run run(LocalDate today) {
		int issued = 0;
		for (LeaseRow lease : this.assets.leasesToBill(today)) {
			issued += reconcile(lease, today, "system");
		}
		int assigned = 0;
		for (PaymentView p : this.store.unassignedPayments()) {
			assigned += assignLegacy(p, today);
		}
		return new Run(issued, assigned, this.store.markOverdue(today));
	}

	/**
	 * A payment without a bill: split over the oldest open bills of its lease; what no
	 * bill asks for stays on the last one it reached, or unassigned when none is open.
	 */
	private int assignLegacy(PaymentView p, LocalDate today) {
		List<BillRow> open = this.store.lockOpenBills(p.leaseId());
		BigDecimal left = p.amount();
		boolean first = true;
		for (BillRow b : open) {
			if (left.signum() <= 0) {
				break;
			}
			BigDecimal part = left.min(b.amount().subtract(b.paid()));
			if (first) {
				this.store.assign(p.id(), b.id(), part);
				first = false;
			}
			else {
				this.store.insertPart(p, b.id(), part);
			}
			this.store.settle(b.id(), part, status(b.amount(), b.paid().add(part), b.dueOn(), today).name());
			left = left.subtract(part);
		}
		if (left.signum() > 0 && !first) {
			// more than the bills issued ask: kept as a payment of the lease without a
			// bill
			this.store.insertPart(p, null, left);
		}
		return first ? 0 : 1;
	}

	// ---- paying

	/**
	 * Records a payment: against the bill named (its {@code version} checked, stale →
	 * 409), else against the lease's oldest open bills in turn. More than the bill (or
	 * the lease's open bills) asks → 400 naming {@code amount}.
	 */
	Receipt pay(LeaseRow lease, Long billId, Long version, LocalDate on, BigDecimal amount, String by,
			LocalDate today) {
		List<BillRow> targets;
		if (billId != null) {
			long v = Versions.required(version);
			BillRow b = this.store.lockBill(billId)
				.filter((r) -> r.leaseId() == lease.id())
				.orElseThrow(() -> InvalidInputException.of("billId", "error.land.billNotFound", billId));
			Versions.expect(b.version(), v);
			targets = List.of(b);
		}
		else {
			targets = this.store.lockOpenBills(lease.id());
		}
		BigDecimal open = targets.stream()
			.map((b) -> b.amount().subtract(b.paid()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		if (amount.compareTo(open) > 0) {
			throw InvalidInputException.of("amount", "error.land.overpayment", open.toPlainString());
		}
		List<PaymentView> made = new ArrayList<>();
		BigDecimal left = amount;
		for (BillRow b : targets) {
			if (left.signum() <= 0) {
				break;
			}
			BigDecimal part = left.min(b.amount().subtract(b.paid()));
			if (part.signum() <= 0) {
				continue;
			}
			long id = this.store.insertPayment(lease.id(), b.id(), on, part, by);
			this.store.settle(b.id(), part, status(b.amount(), b.paid().add(part), b.dueOn(), today).name());
			made.add(new PaymentView(id, lease.id(), b.id(), on, part));
			left = left.subtract(part);
		}
		return new Receipt(made.get(0).id(), lease.id(), on, amount, made);
	}

	// ---- reading

	/**
	 * The bills of the leases as of the day, by lease: what their payments dated by then
	 * paid and how long they are overdue then.
	 */
	Map<Long, List<BillView>> ofLeases(List<LeaseRow> leases, LocalDate asOf) {
		Map<Long, List<BillRow>> rows = this.store.bills(leases.stream().map(LeaseRow::id).toList(), asOf);
		Map<String, String> names = this.enterprises.names(leases.stream().map(LeaseRow::tenant).toList());
		Map<Long, List<BillView>> map = new HashMap<>();
		rows.forEach((lease, list) -> map.put(lease, list.stream().map((b) -> view(b, names, asOf)).toList()));
		return map;
	}

	/**
	 * A bill as of the day: its status is the day's (past due and not paid in full is 逾期
	 * at once, whatever the daily job has stored yet).
	 */
	private static BillView view(BillRow b, Map<String, String> names, LocalDate asOf) {
		BigDecimal paid = b.paidAsOf();
		BigDecimal outstanding = b.amount().subtract(paid);
		long days = Math.max(0, ChronoUnit.DAYS.between(b.dueOn(), asOf));
		return new BillView(b.id(), b.leaseId(), b.zoneCode(), b.building(), b.unit(), b.tenant(),
				names.get(b.tenant()), b.periodFrom(), b.periodTo(), b.dueOn(), b.amount(), paid, outstanding,
				(outstanding.signum() > 0) ? days : 0, status(b.amount(), paid, b.dueOn(), asOf).name(), b.version());
	}

	/** The lease a bill belongs to (no user checked). */
	java.util.Optional<Long> leaseOfBill(long billId) {
		return this.store.bill(billId).map(BillRow::leaseId);
	}

	/** A bill the current user may see: staff of its zone, or its tenant. */
	public BillView bill(long id) {
		BillRow b = this.store.bill(id).orElseThrow(() -> new NotFoundException("error.land.billNotFound", id));
		CurrentUser.get().checkEnterprise(b.tenant(), b.zoneCode());
		return view(b, this.enterprises.names(List.of(b.tenant())), LandScope.today());
	}

	/** The payments against a bill the current user may see. */
	public List<PaymentView> payments(long billId) {
		bill(billId);
		return this.store.paymentsOfBill(billId);
	}

	/**
	 * Bills of the zone (staff) or the tenant's own (enterprise user), newest period
	 * first: by status, tenant, period (a month {@code yyyy-MM}, or from and to months)
	 * and words of the tenant's name, its code, the building or the unit.
	 */
	public BillPage search(String zone, String status, String tenant, String periodFrom, String periodTo, String q,
			int page, int size) {
		CurrentUser me = CurrentUser.get();
		Inputs in = new Inputs();
		Status st = (Inputs.trim(status) != null) ? in.choice(Status.class, status, "status") : null;
		String t = in.text(tenant, "tenant", 18, false);
		YearMonth from = month(in, periodFrom, "periodFrom");
		YearMonth to = month(in, periodTo, "periodTo");
		String words = in.text(q, "q", 100, false);
		if (page < 0 || page > 100_000) {
			in.problem("page", "error.number.range", 0, 100_000);
		}
		if (size < 1 || size > 500) {
			in.problem("size", "error.number.range", 1, 500);
		}
		in.check();
		List<String> zoneList;
		String onlyTenant;
		if (me.isEnterpriseUser()) {
			zoneList = null;
			onlyTenant = me.enterpriseCreditCode();
		}
		else {
			zoneList = LandScope.zones(this.zones, zone);
			onlyTenant = (t != null) ? t.toUpperCase(Locale.ROOT) : null;
		}
		List<String> named = List.of();
		if (words != null && zoneList != null) {
			named = zoneList.stream()
				.flatMap((z) -> this.enterprises.ofZone(z).stream())
				.filter((e) -> e.name().contains(words))
				.map(Enterprise::creditCode)
				.toList();
		}
		LocalDate today = LandScope.today();
		BillStore.Filter f = new BillStore.Filter(zoneList, onlyTenant, (st != null) ? st.name() : null,
				(from != null) ? from.atDay(1) : null, (to != null) ? to.atEndOfMonth() : null, words, named, today);
		List<BillRow> rows = this.store.search(f, page * size, size);
		Map<String, String> names = this.enterprises.names(rows.stream().map(BillRow::tenant).distinct().toList());
		BigDecimal[] totals = this.store.totals(f);
		return new BillPage(rows.stream().map((b) -> view(b, names, today)).toList(), this.store.count(f), totals[0],
				totals[1], totals[0].subtract(totals[1]));
	}

	private static YearMonth month(Inputs in, String value, String field) {
		String v = Inputs.trim(value);
		if (v == null) {
			return null;
		}
		try {
			YearMonth m = YearMonth.parse((v.length() > 7) ? v.substring(0, 7) : v);
			if (m.getYear() < 1950 || m.getYear() > 2200) {
				in.problem(field, "error.land.month");
				return null;
			}
			return m;
		}
		catch (DateTimeParseException ex) {
			in.problem(field, "error.land.month");
			return null;
		}
	}

}
