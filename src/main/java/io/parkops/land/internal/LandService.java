package io.parkops.land.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.land.IdleLandDisposed;
import io.parkops.land.IdleLandNoticeIssued;
import io.parkops.land.LandSupplied;
import io.parkops.land.internal.Kinds.BatchStatus;
import io.parkops.land.internal.Kinds.DisposalKind;
import io.parkops.land.internal.Kinds.DisposalMethod;
import io.parkops.land.internal.Kinds.NoticeKind;
import io.parkops.land.internal.Kinds.ParcelStatus;
import io.parkops.land.internal.Kinds.ParcelUse;
import io.parkops.land.internal.Kinds.SupplyKind;
import io.parkops.land.internal.LandStore.ParcelRow;
import io.parkops.land.internal.LandStore.SupplyRow;
import io.parkops.land.internal.LandViews.BatchView;
import io.parkops.land.internal.LandViews.ClockView;
import io.parkops.land.internal.LandViews.DisposalView;
import io.parkops.land.internal.LandViews.ExpropriationView;
import io.parkops.land.internal.LandViews.NoticeView;
import io.parkops.land.internal.LandViews.Page;
import io.parkops.land.internal.LandViews.ParcelView;
import io.parkops.land.internal.LandViews.StandardLandView;
import io.parkops.land.internal.LandViews.SupplyView;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneDirectory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parcels (地块) and their story: expropriation (征地), approval batches (组卷报批), supply (供地)
 * with the 标准地 indicators, the idle-land clock with its notices, and disposals (处置) of
 * the three kinds of inefficient land.
 */
@Service
public class LandService {

	private static final int MAX_POSITIONS = 20000;

	private final LandStore store;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final LandProperties properties;

	private final LandStatistics statistics;

	LandService(LandStore store, EnterpriseRegistry enterprises, ZoneDirectory zones, ApplicationEventPublisher events,
			AuditTrail audit, JsonMapper json, LandProperties properties, LandStatistics statistics) {
		this.statistics = statistics;
		this.store = store;
		this.enterprises = enterprises;
		this.zones = zones;
		this.events = events;
		this.audit = audit;
		this.json = json;
		this.properties = properties;
	}

	// ---- parcels

	@Transactional
	public ParcelView registerParcel(LandCommands.RegisterParcel cmd) {
		LandScope.requireStaff();
		Inputs in = new Inputs();
		String zone = LandScope.zone(this.zones, in, cmd.zoneCode());
		String code = in.text(cmd.code(), "code", 32, true);
		BigDecimal area = positive(in, cmd.areaMu(), "areaMu", 12, 4);
		ParcelUse use = in.choice(ParcelUse.class, cmd.use(), "use");
		ParcelStatus status = in.choice(ParcelStatus.class, cmd.status(), "status");
		String owner = enterpriseIn(in, cmd.ownerCreditCode(), "ownerCreditCode", zone, false);
		String location = in.text(cmd.location(), "location", 200, false);
		String geometry = geometry(in, cmd.geometry());
		in.check();
		long id = this.store
			.insertParcel(zone, code, area, use.name(), status.name(), owner, location, geometry,
					CurrentUser.usernameOrSystem())
			.orElseThrow(() -> new ConflictException("error.land.parcelExists", code));
		ParcelView saved = parcel(id);
		this.audit.recordChange("CREATE", "land_parcel", Long.toString(id), null, saved);
		return saved;
	}

	/** A parcel of the user's zones. */
	public ParcelView parcel(long id) {
		ParcelRow row = this.store.parcel(id).orElseThrow(() -> new NotFoundException("error.land.parcelNotFound", id));
		LandScope.zones(this.zones, row.zoneCode());
		return view(row);
	}

	public Page<ParcelView> parcels(String zone, String status, String use, String q, int page, int size) {
		List<String> zs = LandScope.zones(this.zones, zone);
		String s = vocabulary(ParcelStatus.class, status, "status");
		String u = vocabulary(ParcelUse.class, use, "use");
		String text = Inputs.trim(q);
		List<ParcelView> items = this.store.parcels(zs, null, s, u, text, page * size, size)
			.stream()
			.map(this::view)
			.toList();
		return new Page<>(named(items), this.store.countParcels(zs, null, s, u, text));
	}

	/** Every parcel of a zone, for the map. */
	public List<LandViews.MapParcel> mapParcels(String zone) {
		List<String> zs = LandScope.zones(this.zones, zone);
		return this.store.parcels(zs, null, null, null, null, 0, Integer.MAX_VALUE)
			.stream()
			.map((r) -> new LandViews.MapParcel(r.id(), r.code(), r.areaMu(), r.status(), r.ownerCreditCode(),
					r.inefficient(), r.geometry()))
			.toList();
	}

	@Transactional
	public ParcelView changeParcel(long id, LandCommands.ChangeParcel cmd) {
		ParcelView before = parcel(id);
		Inputs in = new Inputs();
		long version = Versions.required(cmd.version());
		ParcelStatus status = in.choice(ParcelStatus.class, cmd.status(), "status", false);
		String owner = (cmd.ownerCreditCode() != null)
				? enterpriseIn(in, cmd.ownerCreditCode(), "ownerCreditCode", before.zoneCode(), false)
				: before.ownerCreditCode();
		in.check();
		Versions.updated(this.store.changeParcel(id, version, (status != null) ? status.name() : before.status(), owner,
				(cmd.inefficient() != null) ? cmd.inefficient() : before.inefficient()));
		ParcelView after = parcel(id);
		this.audit.recordChange("UPDATE", "land_parcel", Long.toString(id), before, after);
		return after;
	}

	ParcelView view(ParcelRow row) {
		return new ParcelView(row.id(), row.zoneCode(), row.code(), row.areaMu(), LandUnits.squareMetres(row.areaMu()),
				LandUnits.hectares(row.areaMu()), row.use(), row.status(), row.ownerCreditCode(), null, row.location(),
				readGeometry(row.geometry()), row.inefficient(), row.version());
	}

	private List<ParcelView> named(List<ParcelView> items) {
		Map<String, String> names = this.enterprises
			.names(items.stream().map(ParcelView::ownerCreditCode).filter(java.util.Objects::nonNull).toList());
		return items.stream().map((p) -> p.withOwnerName(names.get(p.ownerCreditCode()))).toList();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> readGeometry(String text) {
		return this.json.readValue(text, Map.class);
	}

	/**
	 * A GeoJSON Polygon or MultiPolygon: closed rings of at least four finite positions,
	 * as compact text.
	 */
	String geometry(Inputs in, Map<String, Object> geometry) {
		if (geometry == null) {
			in.problem("geometry", "error.required");
			return null;
		}
		Object type = geometry.get("type");
		Object coordinates = geometry.get("coordinates");
		int[] positions = { 0 };
		boolean ok;
		if ("Polygon".equals(type)) {
			ok = polygon(coordinates, positions);
		}
		else if ("MultiPolygon".equals(type)) {
			ok = coordinates instanceof List<?> list && !list.isEmpty()
					&& list.stream().allMatch((p) -> polygon(p, positions));
		}
		else {
			ok = false;
		}
		if (!ok || positions[0] > MAX_POSITIONS || geometry.size() > 3) {
			in.problem("geometry", "error.land.geometry");
			return null;
		}
		Map<String, Object> clean = new LinkedHashMap<>();
		clean.put("type", type);
		clean.put("coordinates", coordinates);
		return this.json.writeValueAsString(clean);
	}

	private static boolean polygon(Object coordinates, int[] positions) {
		if (!(coordinates instanceof List<?> rings) || rings.isEmpty() || rings.size() > 100) {
			return false;
		}
		for (Object ring : rings) {
			if (!(ring instanceof List<?> points) || points.size() < 4) {
				return false;
			}
			for (Object point : points) {
				if (!(point instanceof List<?> xy) || xy.size() < 2 || xy.size() > 3) {
					return false;
				}
				for (Object v : xy) {
					if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())
							|| Math.abs(n.doubleValue()) > 1e8) {
						return false;
					}
				}
				positions[0]++;
			}
			if (!points.get(0).equals(points.get(points.size() - 1))) {
				return false;
			}
		}
		return true;
	}

	// ---- expropriations

	@Transactional
	public ExpropriationView recordExpropriation(LandCommands.RecordExpropriation cmd) {
		LandScope.requireStaff();
		Inputs in = new Inputs();
		String zone = LandScope.zone(this.zones, in, cmd.zoneCode());
		LocalDate on = LandScope.pastDate(in, cmd.on(), "on", true);
		BigDecimal area = positive(in, cmd.areaMu(), "areaMu", 12, 4);
		Integer households = in.whole(cmd.households(), "households", 0, 1_000_000, false);
		Integer graves = in.whole(cmd.graves(), "graves", 0, 1_000_000, false);
		BigDecimal houses = in.number(cmd.housesM2(), "housesM2", 14, 2, BigDecimal.ZERO, false);
		BigDecimal compensation = in.number(cmd.compensation(), "compensation", 14, 2, BigDecimal.ZERO, false);
		in.check();
		long id = this.store.insertExpropriation(zone, on, area, (households != null) ? households : 0,
				(graves != null) ? graves : 0, (houses != null) ? houses : BigDecimal.ZERO,
				(compensation != null) ? compensation : BigDecimal.ZERO, CurrentUser.usernameOrSystem());
		ExpropriationView saved = this.store.expropriation(id);
		this.audit.recordChange("CREATE", "land_expropriation", Long.toString(id), null, saved);
		return saved;
	}

	public List<ExpropriationView> expropriations(String zone, LocalDate from, LocalDate to) {
		return this.store.expropriations(LandScope.zones(this.zones, zone), orEarliest(from), orLatest(to));
	}

	// ---- approval batches

	@Transactional
	public BatchView registerBatch(LandCommands.RegisterBatch cmd) {
		LandScope.requireStaff();
		Inputs in = new Inputs();
		String zone = LandScope.zone(this.zones, in, cmd.zoneCode());
		String name = in.text(cmd.name(), "name", 100, true);
		BigDecimal area = positive(in, cmd.areaMu(), "areaMu", 12, 4);
		BatchStatus status = in.choice(BatchStatus.class, cmd.status(), "status");
		LocalDate on = LandScope.pastDate(in, cmd.on(), "on", true);
		in.check();
		long id = this.store
			.insertBatch(zone, name, area, status.name(), on, (status.ordinal() >= 1) ? on : null,
					(status == BatchStatus.APPROVED) ? on : null, CurrentUser.usernameOrSystem())
			.orElseThrow(() -> new ConflictException("error.land.batchExists", name));
		BatchView saved = batch(id);
		this.audit.recordChange("CREATE", "land_approval_batch", Long.toString(id), null, saved);
		return saved;
	}

	public BatchView batch(long id) {
		BatchView b = this.store.batch(id).orElseThrow(() -> new NotFoundException("error.land.batchNotFound", id));
		LandScope.zones(this.zones, b.zoneCode());
		return b;
	}

	public List<BatchView> batches(String zone) {
		return this.store.batches(LandScope.zones(this.zones, zone));
	}

	/** Moves a batch to a later status (组卷中 → 已上报 → 已批复); never back (409). */
	@Transactional
	public BatchView moveBatch(long id, LandCommands.BatchStatus cmd) {
		BatchView before = batch(id);
		Inputs in = new Inputs();
		BatchStatus status = in.choice(BatchStatus.class, cmd.status(), "status");
		LocalDate on = LandScope.pastDate(in, cmd.on(), "on", true);
		in.check();
		if (status == BatchStatus.PREPARING) {
			throw new ConflictException("error.land.batchStep", before.status(), status.name());
		}
		List<String> from = new ArrayList<>();
		for (BatchStatus s : BatchStatus.values()) {
			if (s.ordinal() < status.ordinal()) {
				from.add(s.name());
			}
		}
		String column = (status == BatchStatus.SUBMITTED) ? "submitted_on" : "approved_on";
		if (this.store.moveBatch(id, status.name(), from, column, on) == 0) {
			throw new ConflictException("error.land.batchStep", before.status(), status.name());
		}
		BatchView after = batch(id);
		this.audit.recordChange("STATUS", "land_approval_batch", Long.toString(id), before, after);
		return after;
	}

	// ---- supplies

	@Transactional
	public SupplyView recordSupply(LandCommands.RecordSupply cmd) {
		LandScope.requireStaff();
		Inputs in = new Inputs();
		String zone = LandScope.zone(this.zones, in, cmd.zoneCode());
		String parcelCode = in.text(cmd.parcelCode(), "parcelCode", 32, true);
		ParcelRow parcel = null;
		if (zone != null && parcelCode != null) {
			parcel = this.store.parcel(zone, parcelCode).orElse(null);
			if (parcel == null) {
				in.problem("parcelCode", "error.land.parcelNotFound", parcelCode);
			}
		}
		SupplyKind kind = in.choice(SupplyKind.class, cmd.kind(), "kind");
		BigDecimal area = positive(in, cmd.areaMu(), "areaMu", 12, 4);
		if (area != null && parcel != null && area.compareTo(parcel.areaMu()) > 0) {
			in.problem("areaMu", "error.land.supplyOverParcel", parcel.areaMu().stripTrailingZeros().toPlainString());
		}
		BigDecimal price = in.number(cmd.price(), "price", 14, 2, BigDecimal.ZERO, true);
		String buyer = enterpriseIn(in, cmd.buyerCreditCode(), "buyerCreditCode", zone, true);
		LocalDate on = LandScope.pastDate(in, cmd.on(), "on", true);
		LocalDate agreedStart = LandScope.date(in, cmd.agreedStartOn(), "agreedStartOn", false);
		if (on != null && agreedStart != null && agreedStart.isBefore(on)) {
			in.problem("agreedStartOn", "error.land.startBeforeSupply");
		}
		StandardLandView standard = null;
		if (cmd.standardLand() != null) {
			LandCommands.StandardLand s = cmd.standardLand();
			standard = new StandardLandView(
					in.number(
							s.investmentIntensity(), "standardLand.investmentIntensity", 12, 2, BigDecimal.ZERO, false),
					in.number(s.plotRatio(), "standardLand.plotRatio", 6, 2, BigDecimal.ZERO, false),
					in.number(s.buildingCoefficient(), "standardLand.buildingCoefficient", 6, 2, BigDecimal.ZERO,
							false),
					in.number(s.taxPerMu(), "standardLand.taxPerMu", 12, 2, BigDecimal.ZERO, false),
					in.number(s.energyPerValue(), "standardLand.energyPerValue", 12, 4, BigDecimal.ZERO, false),
					LandScope.date(in, s.capacityOn(), "standardLand.capacityOn", false),
					in.text(s.remedy(), "standardLand.remedy", 500, false), null, null, null);
		}
		in.check();
		ParcelRow parcelRow = parcel;
		long id = this.store
			.insertSupply(zone, parcel.id(), kind.name(), area, price, buyer, on, agreedStart, standard,
					CurrentUser.usernameOrSystem())
			.orElseThrow(() -> new ConflictException("error.land.parcelSupplied", parcelRow.code()));
		this.store.supplied(parcel.id(), buyer);
		SupplyView saved = supply(id);
		this.events.publishEvent(new LandSupplied(buyer, Instant.now(), parcel.code(), "/land/parcels/" + parcel.id()));
		this.audit.recordChange("CREATE", "land_supply", Long.toString(id), null, saved);
		return saved;
	}

	public SupplyView supply(long id) {
		SupplyRow row = supplyRow(id);
		return supplyView(row, LandScope.today(), this.store.notices(id), name(row.buyerCreditCode()));
	}

	SupplyRow supplyRow(long id) {
		SupplyRow row = this.store.supply(id).orElseThrow(() -> new NotFoundException("error.land.supplyNotFound", id));
		LandScope.zones(this.zones, row.zoneCode());
		return row;
	}

	/** The supply of a parcel, if it was supplied. */
	public java.util.Optional<SupplyView> supplyOfParcel(long parcelId) {
		return this.store.supplyOfParcel(parcelId)
			.map((row) -> supplyView(row, LandScope.today(), this.store.notices(row.id()),
					name(row.buyerCreditCode())));
	}

	public List<SupplyView> supplies(String zone) {
		List<String> zs = LandScope.zones(this.zones, zone);
		List<SupplyRow> rows = this.store.supplies(zs, null);
		Map<String, String> names = this.enterprises.names(rows.stream().map(SupplyRow::buyerCreditCode).toList());
		LocalDate today = LandScope.today();
		return rows.stream().map((r) -> supplyView(r, today, null, names.get(r.buyerCreditCode()))).toList();
	}

	/** Supplies whose idle-land clock runs today, the furthest along first. */
	/**
	 * The 标准地 checks of the zones in scope as of today (only those not met when asked),
	 * the ones not met first.
	 */
	public List<LandViews.CommitmentCheck> standardLandChecks(String zone, boolean notMetOnly) {
		List<String> zs = LandScope.zones(this.zones, zone);
		LocalDate today = LandScope.today();
		List<LandViews.CommitmentCheck> checks = new ArrayList<>();
		for (String z : zs) {
			checks.addAll(this.statistics.commitments(z, today));
		}
		return checks.stream()
			.filter((c) -> !notMetOnly || !c.met())
			.sorted(java.util.Comparator.comparing(LandViews.CommitmentCheck::met)
				.thenComparing(LandViews.CommitmentCheck::capacityOn))
			.toList();
	}

	public List<SupplyView> idle(String zone) {
		List<String> zs = LandScope.zones(this.zones, zone);
		LocalDate today = LandScope.today();
		List<SupplyRow> rows = this.store.supplies(zs, null)
			.stream()
			.filter((r) -> IdleLandClock.on(r.progress(), today).stage() != IdleLandClock.Stage.NONE)
			.toList();
		Map<String, String> names = this.enterprises.names(rows.stream().map(SupplyRow::buyerCreditCode).toList());
		return rows.stream()
			.map((r) -> supplyView(r, today, this.store.notices(r.id()), names.get(r.buyerCreditCode())))
			.sorted(java.util.Comparator.comparing((SupplyView v) -> v.idle().days()).reversed())
			.toList();
	}

	SupplyView supplyView(SupplyRow r, LocalDate asOf, List<NoticeView> notices, String buyerName) {
		IdleLandClock.Clock clock = IdleLandClock.on(r.progress(), asOf);
		ClockView idle = new ClockView(clock.stage().name(), clock.runsFrom(), clock.feeDueOn(), clock.reclaimDueOn(),
				clock.days(), IdleLandClock.fee(r.price()));
		return new SupplyView(r.id(), r.zoneCode(), r.parcelId(), r.parcelCode(), r.kind(), r.areaMu(), r.price(),
				r.buyerCreditCode(), buyerName, r.on(), r.agreedStartOn(), r.indicators(), r.startedOn(),
				r.developedPct(), r.investedPct(), r.stoppedOn(), r.closedOn(), idle, notices, r.version());
	}

	@Transactional
	public SupplyView recordProgress(long id, LandCommands.RecordProgress cmd) {
		SupplyView before = supply(id);
		Inputs in = new Inputs();
		long version = Versions.required(cmd.version());
		LocalDate started = LandScope.pastDate(in, cmd.startedOn(), "startedOn", false);
		BigDecimal developed = percent(in, cmd.developedPct(), "developedPct");
		BigDecimal invested = percent(in, cmd.investedPct(), "investedPct");
		LocalDate stopped = LandScope.pastDate(in, cmd.stoppedOn(), "stoppedOn", false);
		if (stopped != null && (started == null || stopped.isBefore(started))) {
			in.problem("stoppedOn", "error.land.stoppedBeforeStart");
		}
		in.check();
		if (before.closedOn() != null) {
			throw new ConflictException("error.land.supplyClosed");
		}
		Versions.updated(this.store.recordProgress(id, version, started, developed, invested, stopped));
		SupplyView after = supply(id);
		this.audit.recordChange("PROGRESS", "land_supply", Long.toString(id), before, after);
		return after;
	}

	/**
	 * Records the plot ratio and building coefficient of a 标准地 measured at acceptance
	 * (竣工验收); the 达产 check compares them with the commitments. Not 标准地 → 409.
	 */
	@Transactional
	public SupplyView recordAsBuilt(long id, LandCommands.RecordAsBuilt cmd) {
		SupplyView before = supply(id);
		Inputs in = new Inputs();
		long version = Versions.required(cmd.version());
		BigDecimal plotRatio = in.number(cmd.plotRatio(), "plotRatio", 6, 2, BigDecimal.ZERO, false);
		BigDecimal coefficient = in.number(cmd.buildingCoefficient(), "buildingCoefficient", 6, 2, BigDecimal.ZERO,
				false);
		LocalDate on = LandScope.pastDate(in, cmd.on(), "on", true);
		if (plotRatio == null && coefficient == null) {
			in.problem("plotRatio", "error.required");
		}
		in.check();
		if (before.standardLand() == null) {
			throw new ConflictException("error.land.notStandardLand");
		}
		Versions.updated(this.store.recordAsBuilt(id, version, plotRatio, coefficient, on));
		SupplyView after = supply(id);
		this.audit.recordChange("AS_BUILT", "land_supply", Long.toString(id), before, after);
		return after;
	}

	/**
	 * Issues the idle-land notice that is due on its date: the fee notice from one full
	 * year of idleness, the reclaim notice from two; once per supply and kind (409
	 * otherwise).
	 */
	@Transactional
	public NoticeView issueNotice(long supplyId, LandCommands.IssueIdleNotice cmd) {
		SupplyRow row = supplyRow(supplyId);
		Inputs in = new Inputs();
		NoticeKind kind = in.choice(NoticeKind.class, cmd.kind(), "kind");
		LocalDate on = LandScope.pastDate(in, cmd.on(), "on", true);
		in.check();
		IdleLandClock.Clock clock = IdleLandClock.on(row.progress(), on);
		IdleLandClock.Stage needed = (kind == NoticeKind.FEE) ? IdleLandClock.Stage.FEE_DUE
				: IdleLandClock.Stage.RECLAIM_DUE;
		if (clock.stage().ordinal() < needed.ordinal()) {
			throw new ConflictException("error.land.noticeNotDue");
		}
		String zoneName = this.zones.require(row.zoneCode()).name();
		BigDecimal fee = (kind == NoticeKind.FEE) ? IdleLandClock.fee(row.price()) : null;
		long id = this.store
			.insertNotice(supplyId, row.zoneCode(), kind.name(), on.getYear(), on, fee,
					this.properties.numberFormat(zoneName), CurrentUser.usernameOrSystem())
			.orElseThrow(() -> new ConflictException("error.land.noticeIssued"));
		NoticeView saved = this.store.notice(id).orElseThrow();
		this.events.publishEvent(new IdleLandNoticeIssued(row.buyerCreditCode(), Instant.now(), saved.number(),
				"/land/parcels/" + row.parcelId()));
		this.audit.recordChange("CREATE", "land_idle_notice", Long.toString(id), null, saved);
		return saved;
	}

	/** A notice with its supply, for its document. */
	public NoticeView notice(long id) {
		NoticeView n = this.store.notice(id).orElseThrow(() -> new NotFoundException("error.land.noticeNotFound", id));
		supplyRow(n.supplyId());
		return n;
	}

	// ---- disposals

	@Transactional
	public DisposalView recordDisposal(LandCommands.RecordDisposal cmd) {
		LandScope.requireStaff();
		Inputs in = new Inputs();
		String zone = LandScope.zone(this.zones, in, cmd.zoneCode());
		DisposalKind kind = in.choice(DisposalKind.class, cmd.kind(), "kind");
		String methodText = in.text(cmd.method(), "method", 24, true);
		DisposalMethod method = DisposalMethod.of(methodText);
		if (methodText != null && method == null) {
			in.problem("method", "error.unknownValue", Inputs.shorten(methodText),
					String.join(", ", java.util.Arrays.stream(DisposalMethod.values()).map(Enum::name).toList()));
		}
		BigDecimal area = positive(in, cmd.areaMu(), "areaMu", 12, 4);
		LocalDate on = LandScope.pastDate(in, cmd.on(), "on", true);
		String parcelCode = in.text(cmd.parcelCode(), "parcelCode", 32, false);
		ParcelRow parcel = null;
		if (zone != null && parcelCode != null) {
			parcel = this.store.parcel(zone, parcelCode).orElse(null);
			if (parcel == null) {
				in.problem("parcelCode", "error.land.parcelNotFound", parcelCode);
			}
		}
		if (kind == DisposalKind.IDLE && parcelCode == null) {
			in.problem("parcelCode", "error.required");
		}
		String note = in.text(cmd.note(), "note", 500, false);
		in.check();
		long id = this.store.insertDisposal(zone, kind.name(), method.name(), area, on,
				(parcel != null) ? parcel.id() : null, note, CurrentUser.usernameOrSystem());
		if (parcel != null && kind == DisposalKind.IDLE) {
			SupplyRow supply = this.store.supplyOfParcel(parcel.id()).orElse(null);
			if (supply != null && supply.closedOn() == null) {
				this.store.closeSupply(supply.id(), on);
				this.events.publishEvent(new IdleLandDisposed(supply.buyerCreditCode(), Instant.now(), parcel.code(),
						"/land/parcels/" + parcel.id()));
			}
			if (method == DisposalMethod.RECLAIM) {
				this.store.reclaimed(parcel.id());
			}
		}
		DisposalView saved = this.store.disposal(id);
		this.audit.recordChange("CREATE", "land_disposal", Long.toString(id), null, saved);
		return saved;
	}

	public List<DisposalView> disposals(String zone, String kind, LocalDate from, LocalDate to) {
		return this.store.disposals(LandScope.zones(this.zones, zone), vocabulary(DisposalKind.class, kind, "kind"),
				orEarliest(from), orLatest(to));
	}

	// ---- helpers

	private String name(String creditCode) {
		return (creditCode != null) ? this.enterprises.names(List.of(creditCode)).get(creditCode) : null;
	}

	/** A registered enterprise of the zone, by credit code. */
	private String enterpriseIn(Inputs in, String value, String field, String zone, boolean required) {
		String code = in.text(value, field, 18, required);
		if (code == null) {
			return null;
		}
		String normalized = code.toUpperCase(Locale.ROOT);
		Enterprise e = this.enterprises.find(normalized).orElse(null);
		if (e == null) {
			in.problem(field, "error.enterpriseNotFound", Inputs.shorten(code));
			return null;
		}
		if (zone != null && !e.zoneCode().equals(zone)) {
			in.problem(field, "error.land.enterpriseNotInZone", e.name());
			return null;
		}
		return e.creditCode();
	}

	static BigDecimal positive(Inputs in, BigDecimal value, String field, int precision, int scale) {
		BigDecimal v = in.number(value, field, precision, scale, BigDecimal.ZERO, true);
		if (v != null && v.signum() == 0) {
			in.problem(field, "error.land.positive");
			return null;
		}
		return v;
	}

	static BigDecimal percent(Inputs in, BigDecimal value, String field) {
		BigDecimal v = in.number(value, field, 5, 2, BigDecimal.ZERO, false);
		if (v != null && v.compareTo(BigDecimal.valueOf(100)) > 0) {
			in.problem(field, "error.land.percent");
			return null;
		}
		return v;
	}

	static <E extends Enum<E>> String vocabulary(Class<E> type, String value, String field) {
		if (Inputs.trim(value) == null) {
			return null;
		}
		Inputs in = new Inputs();
		E e = in.choice(type, value, field, false);
		in.check();
		return e.name();
	}

	static LocalDate orEarliest(LocalDate from) {
		return (from != null) ? from : Inputs.EARLIEST_DATE;
	}

	static LocalDate orLatest(LocalDate to) {
		return (to != null) ? to : LocalDate.of(9999, 12, 31);
	}

	static Map<String, BigDecimal> zeroByKind() {
		Map<String, BigDecimal> m = new LinkedHashMap<>();
		for (DisposalKind k : DisposalKind.values()) {
			m.put(k.name(), LandUnits.mu(BigDecimal.ZERO));
		}
		return m;
	}

}
