package io.parkops.land.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.parkops.land.internal.AssetService;
import io.parkops.land.internal.AssetViews.AssetSummary;
import io.parkops.land.internal.AssetViews.BillPage;
import io.parkops.land.internal.AssetViews.BillView;
import io.parkops.land.internal.AssetViews.Bills;
import io.parkops.land.internal.AssetViews.LeaseView;
import io.parkops.land.internal.AssetViews.LitigationView;
import io.parkops.land.internal.AssetViews.PaymentView;
import io.parkops.land.internal.AssetViews.Receipt;
import io.parkops.land.internal.AssetViews.UnitView;
import io.parkops.land.internal.LandCommands;
import io.parkops.land.internal.RentBills;
import io.parkops.platform.AccessScope;
import io.parkops.platform.RouteAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the platform company's assets (资产运营): units, leases, bills, payments,
 * litigation and the summary with arrears by age.
 */
@RestController
@RequestMapping("/api/v1/assets")
@Tag(name = "assets", description = "资产运营：房源、租赁、账单、收款、欠租、诉讼 / assets and leases")
class AssetApiController {

	private final AssetService assets;

	private final RentBills bills;

	AssetApiController(AssetService assets, RentBills bills) {
		this.assets = assets;
		this.bills = bills;
	}

	@PostMapping("/units")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Register a unit: FACTORY, DORMITORY, TALENT_APARTMENT or SHOP, with its m²")
	ResponseEntity<UnitView> registerUnit(@RequestBody LandCommands.RegisterUnit request) {
		UnitView saved = this.assets.registerUnit(request);
		return ResponseEntity.created(URI.create("/api/v1/assets/units/" + saved.id())).body(saved);
	}

	@GetMapping("/units")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Units of the caller's zones, with whether each is leased today")
	List<UnitView> units(@RequestParam(required = false) String zone) {
		return this.assets.units(zone);
	}

	@GetMapping("/units/{id:\\d+}")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	@Operation(summary = "One unit")
	UnitView unit(@PathVariable long id) {
		return this.assets.unit(id);
	}

	@PostMapping("/leases")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Sign a lease of a unit to a tenant enterprise (rent per m² and month, deposit in 元)")
	ResponseEntity<LeaseView> signLease(@RequestBody LandCommands.SignLease request) {
		LeaseView saved = this.assets.signLease(request);
		return ResponseEntity.created(URI.create("/api/v1/assets/leases/" + saved.id())).body(saved);
	}

	@GetMapping("/leases")
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Leases with what is owed today; a tenant sees only its own")
	List<LeaseView> leases(@RequestParam(required = false) String zone, @RequestParam(required = false) String tenant) {
		return this.assets.leases(zone, tenant);
	}

	@GetMapping("/leases/{id:\\d+}")
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One lease (its tenant or staff of its zone)")
	LeaseView lease(@PathVariable long id) {
		return this.assets.lease(id);
	}

	@GetMapping("/leases/{id:\\d+}/bills")
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "A lease's monthly bills with what is paid and the arrears by age")
	Bills bills(@PathVariable long id) {
		return this.assets.bills(id);
	}

	@GetMapping("/leases/{id:\\d+}/payments")
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "A lease's payments")
	List<PaymentView> payments(@PathVariable long id) {
		return this.assets.payments(id);
	}

	@PostMapping("/payments")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a rent payment (元): against a bill (billId and its version), else the lease's "
			+ "oldest open bills first; more than they ask → 400")
	ResponseEntity<Receipt> recordPayment(@RequestBody LandCommands.RecordPayment request) {
		Receipt saved = this.assets.recordPayment(request);
		return ResponseEntity.created(URI.create("/api/v1/assets/payments/" + saved.id())).body(saved);
	}

	@GetMapping("/bills")
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Rent bills, newest period first, by status (UNPAID, PARTIAL, PAID, OVERDUE), tenant, "
			+ "period (months yyyy-MM) and words; a tenant sees only its own")
	BillPage bills(@RequestParam(required = false) String zone, @RequestParam(required = false) String status,
			@RequestParam(required = false) String tenant, @RequestParam(required = false) String periodFrom,
			@RequestParam(required = false) String periodTo, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.bills.search(zone, status, tenant, periodFrom, periodTo, q, page, size);
	}

	@GetMapping("/bills/{id:\\d+}")
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One bill (its tenant or staff of its zone)")
	BillView bill(@PathVariable long id) {
		return this.bills.bill(id);
	}

	@GetMapping("/bills/{id:\\d+}/payments")
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The payments against a bill")
	List<PaymentView> billPayments(@PathVariable long id) {
		return this.bills.payments(id);
	}

	@PostMapping("/bills/{id:\\d+}/payments")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a payment against a bill: {\"on\",\"amount\",\"version\"}; more than it asks → 400, "
			+ "a stale version → 409")
	ResponseEntity<Receipt> payBill(@PathVariable long id, @RequestBody BillPayment request) {
		// a bill that does not exist → 404, another zone's → 403
		this.bills.bill(id);
		Receipt saved = this.assets
			.recordPayment(new LandCommands.RecordPayment(null, id, request.on(), request.amount(), request.version()));
		return ResponseEntity.created(URI.create("/api/v1/assets/payments/" + saved.id())).body(saved);
	}

	/** A payment against a bill. */
	record BillPayment(String on, java.math.BigDecimal amount, Long version) {
	}

	@PostMapping("/leases/{id:\\d+}/termination")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	@Operation(summary = "End a lease before its term (退租): no rent after the day, the unit free again")
	io.parkops.land.internal.AssetViews.LeaseView terminate(@PathVariable long id,
			@RequestBody LandCommands.TerminateLease request) {
		return this.assets.terminate(id, request);
	}

	@PostMapping("/leases/{id:\\d+}/litigation")
	@RouteAccess(permission = "land:asset:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record litigation over a lease's arrears")
	ResponseEntity<LitigationView> recordLitigation(@PathVariable long id,
			@RequestBody LandCommands.RecordLitigation request) {
		LitigationView saved = this.assets.recordLitigation(id, request);
		return ResponseEntity.created(URI.create("/api/v1/assets/litigation/" + saved.id())).body(saved);
	}

	@GetMapping("/summary")
	@RouteAccess(permission = "land:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "Rent collected, occupancy, arrears by age, litigation and expiring leases of a zone")
	AssetSummary summary(@RequestParam String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LandApiController.Period p = LandApiController.Period.of(zone, from, to);
		return this.assets.summary(p.zone(), p.from(), p.to());
	}

}
