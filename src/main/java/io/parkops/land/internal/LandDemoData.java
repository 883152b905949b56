package io.parkops.land.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.land.IdleLandNoticeIssued;
import io.parkops.land.LandSupplied;
import io.parkops.land.LeaseSigned;
import io.parkops.platform.DemoDataContributor;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The demo zone's land and assets: about 120 parcels laid out in blocks along the zone's
 * roads (their boundaries drawn from them), expropriations, approval batches, supplies
 * (half of the recent ones as 标准地), idle parcels at every point of their clock, disposals
 * of the three kinds, two years of 亩均 evaluations (the earlier final, the later
 * published), and about 200 leases of the platform company's units with payments and
 * arrears, some in litigation.
 */
@Component
class LandDemoData implements DemoDataContributor {

	private static final String[] ROADS = { "云溪大道", "科创路", "工业一路", "工业二路", "滨江路", "兴业路" };

	/** The remedy the demo's 标准地 contracts agree on. */
	static final String REMEDY = "未达到约定指标的，按差额承担违约金并限期一年整改；整改后仍未达标的，取消相关优惠政策，情节严重的依法收回土地使用权";

	private final LandStore land;

	private final PerMuStore perMuStore;

	private final PerMuService perMu;

	private final AssetStore assets;

	private final BillStore bills;

	private final RentBills rentBills;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final JsonMapper json;

	private final LandProperties properties;

	private final ApplicationEventPublisher events;

	LandDemoData(LandStore land, PerMuStore perMuStore, PerMuService perMu, AssetStore assets, BillStore bills,
			RentBills rentBills, EnterpriseRegistry enterprises, ZoneDirectory zones, JsonMapper json,
			LandProperties properties, ApplicationEventPublisher events) {
		this.events = events;
		this.bills = bills;
		this.rentBills = rentBills;
		this.land = land;
		this.perMuStore = perMuStore;
		this.perMu = perMu;
		this.assets = assets;
		this.enterprises = enterprises;
		this.zones = zones;
		this.json = json;
		this.properties = properties;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public void contribute(DemoContext context) {
		Random random = context.random();
		String zone = context.zoneCode();
		LocalDate today = LandScope.today();
		List<Enterprise> all = new ArrayList<>(this.enterprises.ofZone(zone)
			.stream()
			.filter((e) -> e.status() != EnterpriseStatus.MOVED_OUT)
			.toList());
		all.sort(Comparator.comparingLong(Enterprise::id));
		if (all.size() < 30) {
			return;
		}
		parcels(random, zone, all, today);
		approvals(random, zone, today);
		evaluations(random, zone, all, today);
		leases(random, zone, all, today);
	}

	// ---- parcels, supplies, idle land, disposals

	private void parcels(Random random, String zone, List<Enterprise> all, LocalDate today) {
		String zoneName = this.zones.require(zone).name();
		// blocks of 12 columns by 10 rows between roads 40 m wide; some blocks are split
		// in two
		int made = 0;
		int owner = 0;
		double y = 0;
		for (int row = 0; row < 10 && made < 120; row++) {
			double height = 140 + random.nextInt(80);
			double x = 0;
			for (int col = 0; col < 12 && made < 120; col++) {
				double width = 150 + random.nextInt(110);
				boolean split = random.nextInt(5) == 0;
				List<double[][]> shapes = new ArrayList<>();
				if (split) {
					double w1 = width * (0.4 + random.nextDouble() * 0.2);
					shapes.add(quad(random, x, y, w1 - 6, height));
					shapes.add(quad(random, x + w1 + 6, y, width - w1 - 6, height));
				}
				else {
					shapes.add(quad(random, x, y, width, height));
				}
				for (double[][] shape : shapes) {
					if (made >= 120) {
						break;
					}
					made++;
					String code = String.format("YX%02d-%03d", row + 1, made);
					BigDecimal mu = LandUnits.muOfSquareMetres(BigDecimal.valueOf(area(shape)))
						.setScale(2, RoundingMode.HALF_UP);
					// the old town in the south-west is built; the east is reserve and
					// being expropriated
					String status;
					String ownerCode = null;
					int r = random.nextInt(100);
					if (col >= 9 && row >= 5) {
						status = (r < 50) ? "RESERVE" : (r < 80) ? "EXPROPRIATING" : "APPROVED";
					}
					else if (r < 8) {
						status = "APPROVED";
					}
					else {
						status = (r < 60) ? "BUILT" : (r < 80) ? "DEVELOPING" : "SUPPLIED";
						ownerCode = all.get(owner++ % Math.min(all.size(), 90)).creditCode();
					}
					String use = (row == 0 && col < 3) ? "COMMERCIAL"
							: (col == 11 && row < 2) ? "PUBLIC" : (row == 9 && col < 4) ? "RESIDENTIAL"
									: (random.nextInt(10) == 0) ? "WAREHOUSE" : "INDUSTRIAL";
					long id = this.land
						.insertParcel(zone, code, mu, use, status, ownerCode,
								ROADS[(row + col) % ROADS.length] + (col * 100 + 8) + "号", geometry(shape), "land")
						.orElseThrow();
					if (ownerCode != null) {
						supply(random, zone, zoneName, id, code, mu, ownerCode, status, today);
					}
				}
				x += width + 40;
			}
			y += height + 40;
		}
		// the three kinds of disposal over the last two years
		String[][] disposals = { { "APPROVED_UNSUPPLIED", "SUPPLY" }, { "APPROVED_UNSUPPLIED", "OTHER" },
				{ "INEFFICIENT", "SWAP" }, { "INEFFICIENT", "REVITALIZE" }, { "INEFFICIENT", "SPLIT_TRANSFER" },
				{ "IDLE", "URGE_START" }, { "APPROVED_UNSUPPLIED", "SUPPLY" }, { "INEFFICIENT", "REVITALIZE" },
				{ "APPROVED_UNSUPPLIED", "SUPPLY" }, { "IDLE", "LEGAL" } };
		for (int i = 0; i < disposals.length; i++) {
			LocalDate on = today.minusDays(30 + 70L * i);
			BigDecimal mu = BigDecimal.valueOf(20 + random.nextInt(9000) / 100.0).setScale(2, RoundingMode.HALF_UP);
			this.land.insertDisposal(zone, disposals[i][0], disposals[i][1], mu, on, null, "年度盘活任务", "land");
		}
	}

	private void supply(Random random, String zone, String zoneName, long parcelId, String code, BigDecimal mu,
			String buyer, String status, LocalDate today) {
		int n = (int) (parcelId % 100);
		LocalDate on;
		LocalDate started = null;
		BigDecimal developed = null;
		BigDecimal invested = null;
		LocalDate stopped = null;
		if (status.equals("BUILT")) {
			on = today.minusDays(900 + random.nextInt(2000));
			started = on.plusDays(60 + random.nextInt(120));
			developed = BigDecimal.valueOf(100);
			invested = BigDecimal.valueOf(100);
		}
		else if (status.equals("DEVELOPING")) {
			on = today.minusDays(300 + random.nextInt(600));
			started = on.plusDays(60 + random.nextInt(120));
			developed = BigDecimal.valueOf(35 + random.nextInt(50));
			invested = BigDecimal.valueOf(30 + random.nextInt(50));
			if (n % 7 == 0) {
				// started, under a third developed and stopped over a year ago: idle
				developed = BigDecimal.valueOf(20);
				invested = BigDecimal.valueOf(18);
				stopped = today.minusDays(400 + random.nextInt(200));
				started = stopped.minusDays(200);
				on = started.minusDays(100);
			}
		}
		else {
			// supplied, not started: the clock runs from the agreed start date
			on = today.minusDays(120 + random.nextInt(1000));
		}
		if (started != null && started.isAfter(today)) {
			started = today.minusDays(5);
		}
		LocalDate agreed = on.plusDays(90);
		boolean standard = on.isAfter(today.minusYears(4)) && random.nextBoolean();
		LandViews.StandardLandView indicators = standard
				? new LandViews.StandardLandView(BigDecimal.valueOf(250 + random.nextInt(150)), new BigDecimal("1.20"),
						new BigDecimal("40.00"), BigDecimal.valueOf(15 + random.nextInt(20)), new BigDecimal("0.35"),
						agreed.plusYears(3), REMEDY, null, null, null)
				: null;
		BigDecimal price = mu.multiply(BigDecimal.valueOf(18 + random.nextInt(12))).setScale(2, RoundingMode.HALF_UP);
		long supply = this.land
			.insertSupply(zone, parcelId, (random.nextInt(8) == 0) ? "ALLOCATION" : "LISTING", mu, price, buyer, on,
					agreed, indicators, "land")
			.orElseThrow();
		// on the buyer's timeline as a supply through the pages puts it, on its day
		this.events.publishEvent(new LandSupplied(buyer, at(on), code, "/land/parcels/" + parcelId));
		if (started != null || stopped != null) {
			this.land.recordProgress(supply, 0, started, developed, invested, stopped);
		}
		// a 标准地 accepted (竣工验收) two years after its start: plot ratio and building
		// coefficient as measured, now and then below the commitment
		if (standard && started != null && started.plusYears(2).isBefore(today)) {
			long version = this.land.supply(supply).orElseThrow().version();
			this.land.recordAsBuilt(supply, version,
					new BigDecimal("1.00").add(BigDecimal.valueOf(random.nextInt(50), 2)),
					BigDecimal.valueOf(34 + random.nextInt(14)).setScale(2), started.plusYears(2));
		}
		IdleLandClock.Clock clock = IdleLandClock
			.on(new IdleLandClock.Progress(agreed, started, developed, invested, stopped, null), today);
		// some of the idle parcels have their fee notice already
		if (clock.idle() && random.nextBoolean()) {
			LocalDate issued = clock.feeDueOn().plusDays(20);
			if (!issued.isAfter(today)) {
				this.land
					.insertNotice(supply, zone, "FEE", issued.getYear(), issued, IdleLandClock.fee(price),
							this.properties.numberFormat(zoneName), "land")
					.flatMap(this.land::notice)
					.ifPresent((notice) -> this.events.publishEvent(
							new IdleLandNoticeIssued(buyer, at(issued), notice.number(), "/land/parcels/" + parcelId)));
			}
		}
	}

	private static double[][] quad(Random random, double x, double y, double w, double h) {
		double j = 8;
		return new double[][] { { x + random.nextDouble() * j, y + random.nextDouble() * j },
				{ x + w - random.nextDouble() * j, y + random.nextDouble() * j },
				{ x + w - random.nextDouble() * j, y + h - random.nextDouble() * j },
				{ x + random.nextDouble() * j, y + h - random.nextDouble() * j } };
	}

	/** The shoelace area of a ring (m²). */
	private static double area(double[][] ring) {
		double sum = 0;
		for (int i = 0; i < ring.length; i++) {
			double[] a = ring[i];
			double[] b = ring[(i + 1) % ring.length];
			sum += a[0] * b[1] - b[0] * a[1];
		}
		return Math.abs(sum) / 2;
	}

	private String geometry(double[][] shape) {
		List<List<Double>> ring = new ArrayList<>();
		for (double[] p : shape) {
			ring.add(List.of(round(p[0]), round(p[1])));
		}
		ring.add(ring.get(0));
		return this.json.writeValueAsString(java.util.Map.of("type", "Polygon", "coordinates", List.of(ring)));
	}

	private static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}

	// ---- expropriation and approval

	private void approvals(Random random, String zone, LocalDate today) {
		for (int i = 0; i < 8; i++) {
			LocalDate on = today.minusDays(40 + 85L * i);
			this.land.insertExpropriation(zone, on, BigDecimal.valueOf(40 + random.nextInt(12000) / 100.0),
					5 + random.nextInt(40), random.nextInt(60), BigDecimal.valueOf(random.nextInt(300000) / 100.0),
					BigDecimal.valueOf(500 + random.nextInt(3000)), "land");
		}
		for (int i = 0; i < 10; i++) {
			LocalDate prepared = today.minusDays(60 + 70L * i);
			String status = (i < 2) ? "PREPARING" : (i < 4) ? "SUBMITTED" : "APPROVED";
			LocalDate submitted = (i >= 2) ? prepared.plusDays(30) : null;
			LocalDate approved = (i >= 4) ? prepared.plusDays(55) : null;
			int year = prepared.getYear();
			this.land.insertBatch(zone, year + "年度第" + (i % 4 + 1) + "批次城镇建设用地（" + (i + 1) + "）",
					BigDecimal.valueOf(60 + random.nextInt(9000) / 100.0), status, prepared, submitted, approved,
					"land");
		}
	}

	// ---- per-mu evaluations of the last two years

	private void evaluations(Random random, String zone, List<Enterprise> all, LocalDate today) {
		for (int back = 2; back >= 1; back--) {
			int year = today.getYear() - back;
			// every enterprise with land gets the figures the system does not hold, as
			// the
			// staff enter them: energy (tce), emissions and R&D, and for one that does
			// not
			// report monthly its tax and electricity from the tax office and the grid, so
			// that scores spread as real ones do and the last 5 % is a D class
			for (PerMuScoring.Subject s : this.perMu.subjects(zone, year)) {
				boolean reports = s.tax() != null && s.tax().signum() > 0;
				BigDecimal tax = reports ? s.tax() : money(s.landMu().doubleValue() * spread(random, 9, 1.0));
				BigDecimal electricity = (s.electricity() != null && s.electricity().signum() > 0) ? null
						: money(tax.doubleValue() / spread(random, 1.2, 0.6));
				BigDecimal valueAdded = (s.valueAdded() != null && s.valueAdded().signum() > 0) ? s.valueAdded()
						: money(tax.doubleValue() * spread(random, 5, 0.4));
				BigDecimal revenue = (s.revenue() != null && s.revenue().signum() > 0) ? s.revenue()
						: money(valueAdded.doubleValue() * spread(random, 4, 0.3));
				BigDecimal employees = (s.employees() != null && s.employees().signum() > 0) ? null : BigDecimal
					.valueOf(Math.max(5, Math.round(valueAdded.doubleValue() / spread(random, 18, 0.5))));
				BigDecimal energy = (random.nextInt(10) < 9)
						? money(valueAdded.doubleValue() / spread(random, 2.7, 0.7)).max(BigDecimal.ONE) : null;
				BigDecimal emissions = (random.nextInt(10) < 8)
						? BigDecimal.valueOf(valueAdded.doubleValue() / spread(random, 4900, 0.8))
							.setScale(4, RoundingMode.HALF_UP)
							.max(new BigDecimal("0.0010"))
						: null;
				BigDecimal rd = (random.nextInt(10) < 8) ? money(revenue.doubleValue() * spread(random, 0.03, 0.8))
						: null;
				this.perMuStore.saveInputs(new PerMuViews.InputsView(year, s.creditCode(), null, reports ? null : tax,
						(s.valueAdded() != null && s.valueAdded().signum() > 0) ? null : valueAdded,
						(s.revenue() != null && s.revenue().signum() > 0) ? null : revenue, electricity, energy,
						emissions, employees, rd, null, 0), null, "land");
			}
			this.perMu.evaluateForDemo(zone, year, (back == 2) ? "FINAL" : "PUBLISHED", today);
		}
	}

	/** A figure around {@code median}, spread log-normally by {@code sigma}. */
	private static double spread(Random random, double median, double sigma) {
		return median * Math.exp(random.nextGaussian() * sigma);
	}

	private static BigDecimal money(double v) {
		return BigDecimal.valueOf(Math.max(v, 0.01)).setScale(2, RoundingMode.HALF_UP);
	}

	// ---- assets

	private void leases(Random random, String zone, List<Enterprise> all, LocalDate today) {
		List<long[]> units = new ArrayList<>();
		for (int b = 1; b <= 8; b++) {
			for (int u = 1; u <= 12; u++) {
				units.add(unit(zone, b + "号标准化厂房", String.format("%d%02d", (u - 1) / 4 + 1, (u - 1) % 4 + 1), "FACTORY",
						BigDecimal.valueOf(600 + 100 * (u % 5))));
			}
		}
		for (int b = 1; b <= 3; b++) {
			for (int u = 1; u <= 30; u++) {
				units.add(unit(zone, "职工公寓" + b + "栋", String.format("%d%02d", (u - 1) / 6 + 1, (u - 1) % 6 + 1),
						"DORMITORY", new BigDecimal("45")));
			}
		}
		for (int u = 1; u <= 40; u++) {
			units.add(unit(zone, "人才公寓", String.format("%d%02d", (u - 1) / 8 + 1, (u - 1) % 8 + 1), "TALENT_APARTMENT",
					BigDecimal.valueOf(70 + 20 * (u % 3))));
		}
		for (int u = 1; u <= 24; u++) {
			units.add(unit(zone, "商业街", String.format("A-%02d", u), "SHOP", BigDecimal.valueOf(80 + 10 * (u % 6))));
		}
		int leases = 0;
		int tenant = 0;
		for (long[] unit : units) {
			if (leases >= 205 || random.nextInt(100) < 8) {
				continue;
			}
			String kind = (unit[2] == 0) ? "FACTORY"
					: (unit[2] == 1) ? "DORMITORY" : (unit[2] == 2) ? "TALENT_APARTMENT" : "SHOP";
			BigDecimal area = BigDecimal.valueOf(unit[1]);
			BigDecimal rate = switch (kind) {
				case "FACTORY" -> BigDecimal.valueOf(10 + random.nextInt(6));
				case "SHOP" -> BigDecimal.valueOf(35 + random.nextInt(25));
				default -> BigDecimal.valueOf(12 + random.nextInt(8));
			};
			// a first lease that ended, for a third of the units
			LocalDate from = today.minusMonths(3 + random.nextInt(30)).withDayOfMonth(1);
			if (random.nextInt(3) == 0 && from.isAfter(today.minusMonths(20))) {
				LocalDate oldFrom = from.minusYears(2);
				long old = lease(unit[0], zone, all.get(tenant++ % all.size()), oldFrom, from.minusDays(1), rate, area);
				LocalDate ended = from.minusDays(1);
				if (leases % 5 == 0) {
					// every fifth of them ended early (退租), the unit empty for a while
					ended = from.minusMonths(4).minusDays(1);
					this.assets.terminate(old, ended, "企业经营调整，协商提前退租");
				}
				billAndPay(old, ended);
				leases++;
			}
			LocalDate to = from.plusYears(1 + random.nextInt(3)).minusDays(1);
			if (random.nextInt(12) == 0) {
				// ending within the reminder window
				to = today.plusDays(10 + random.nextInt(70));
			}
			Enterprise e = all.get(tenant++ % all.size());
			long id = lease(unit[0], zone, e, from, to, rate, area);
			leases++;
			// most pay every bill a few days into its period; some owe one to six months,
			// some have not paid the current period yet (due on its 10th), now and then
			// in
			// part
			int r = random.nextInt(100);
			int owed = (r < 15) ? 1 + random.nextInt(6) : 0;
			LocalDate paidTo = (r >= 15 && r < 35) ? today.minusMonths(1) : today.minusMonths(owed);
			billAndPay(id, paidTo.isBefore(to) ? paidTo : to);
			if (owed > 0 && random.nextInt(3) == 0 || r >= 15 && r < 22) {
				payPart(id, random);
			}
			if (owed >= 5 && random.nextBoolean()) {
				this.assets.insertLitigation(id, today.minusDays(20 + random.nextInt(60)),
						"拖欠租金" + owed + "个月，已向人民法院起诉", "land");
			}
		}
	}

	private long[] unit(String zone, String building, String unit, String kind, BigDecimal area) {
		long id = this.assets.insertUnit(zone, building, unit, kind, area, "land").orElseThrow();
		long k = switch (kind) {
			case "FACTORY" -> 0;
			case "DORMITORY" -> 1;
			case "TALENT_APARTMENT" -> 2;
			default -> 3;
		};
		return new long[] { id, area.longValue(), k };
	}

	private long lease(long unit, String zone, Enterprise tenant, LocalDate from, LocalDate to, BigDecimal rate,
			BigDecimal area) {
		long id = this.assets.insertLease(unit, zone, tenant.creditCode(), from, to, rate,
				RentLedger.monthlyRent(area, rate).multiply(BigDecimal.valueOf(2)), RentLedger.monthlyRent(area, rate),
				"land");
		// on the tenant's timeline as a lease signed through the pages, signed ten days
		// before it begins
		AssetViews.UnitView u = this.assets.unit(unit, from).orElseThrow();
		this.events.publishEvent(new LeaseSigned(tenant.creditCode(), at(from.minusDays(10)), u.building() + u.unit(),
				"/assets/leases/" + id));
		return id;
	}

	/** A demo event's moment: 10:00 of the day in the zone's time zone. */
	private static Instant at(LocalDate day) {
		return ZoneTime.at(day, 10);
	}

	/**
	 * Issues the lease's bills up to today, as the billing job does, and pays each bill
	 * begun by {@code until} a few days into its period.
	 */
	private void billAndPay(long lease, LocalDate until) {
		LocalDate today = LandScope.today();
		AssetStore.LeaseRow row = this.assets.lease(lease).orElseThrow();
		this.rentBills.reconcile(row, today, "land");
		for (BillStore.BillRow b : this.bills.billsOfLease(lease)) {
			if (b.periodFrom().isAfter(until)) {
				break;
			}
			LocalDate on = b.periodFrom().plusDays(5).isAfter(today) ? today : b.periodFrom().plusDays(5);
			this.rentBills.pay(row, b.id(), b.version(), on, b.amount(), "land", today);
		}
	}

	/** Pays part of the oldest open bill of a lease (a tenant paying what it can). */
	private void payPart(long lease, Random random) {
		LocalDate today = LandScope.today();
		AssetStore.LeaseRow row = this.assets.lease(lease).orElseThrow();
		this.bills.billsOfLease(lease)
			.stream()
			.filter((b) -> b.paid().compareTo(b.amount()) < 0)
			.findFirst()
			.ifPresent((b) -> this.rentBills.pay(row, b.id(), b.version(),
					b.periodFrom().plusDays(7).isAfter(today) ? today : b.periodFrom().plusDays(7),
					b.amount()
						.multiply(BigDecimal.valueOf(30 + random.nextInt(50)))
						.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP),
					"land", today));
	}

}
