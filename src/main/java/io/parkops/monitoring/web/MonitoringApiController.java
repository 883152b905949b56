package io.parkops.monitoring.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.parkops.monitoring.internal.MonitoringCommands;
import io.parkops.monitoring.internal.MonitoringService;
import io.parkops.monitoring.internal.MonitoringViews.AlarmView;
import io.parkops.monitoring.internal.MonitoringViews.DataPoint;
import io.parkops.monitoring.internal.MonitoringViews.HazardLink;
import io.parkops.monitoring.internal.MonitoringViews.Items;
import io.parkops.monitoring.internal.MonitoringViews.Page;
import io.parkops.monitoring.internal.MonitoringViews.PointHealthView;
import io.parkops.monitoring.internal.MonitoringViews.PointView;
import io.parkops.monitoring.internal.MonitoringViews.ReceiverView;
import io.parkops.platform.AccessScope;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// REST API of online monitoring (环保在线监测): points, their series, the alarms and the HJ 212
// receiver's counts.
@RestController
@RequestMapping("/api/v1/monitoring")
@Tag(name = "monitoring", description = "环保在线监测：点位、数据、报警、HJ 212 接收 / environmental online monitoring")
class MonitoringApiController {

	static final String MN = "{mn:[0-9A-Za-z]{1,24}}";

	private final MonitoringService monitoring;

	MonitoringApiController(MonitoringService monitoring) {
		this.monitoring = monitoring;
	}

	@PostMapping("/points")
	@RouteAccess(permission = "monitoring:point:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	@Operation(summary = "Register a monitoring point (MN, kind WATER|AIR|VOC|NOISE|RAIN, password, optional SM4 key, "
			+ "factors with limits)")
	ResponseEntity<PointView> register(@RequestBody MonitoringCommands.RegisterPoint request) {
		PointView saved = this.monitoring.registerPoint(request);
		return ResponseEntity.created(URI.create("/api/v1/monitoring/points/" + saved.mn())).body(saved);
	}

	@GetMapping("/points")
	@RouteAccess(permission = "monitoring:point:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Points with online status, last packet and latest values")
	Page<PointView> points(@RequestParam(required = false) String zone, @RequestParam(required = false) String q,
			@RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.monitoring.points(zone, q, kind, null, Math.max(0, page), Math.max(1, Math.min(size, 500)));
	}

	@GetMapping("/points/" + MN)
	@RouteAccess(permission = "monitoring:point:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One point; the ETag is its version")
	ResponseEntity<PointView> point(@PathVariable String mn) {
		PointView p = this.monitoring.point(mn);
		return ResponseEntity.ok().eTag("\"" + p.version() + "\"").body(p);
	}

	@PutMapping("/points/" + MN)
	@RouteAccess(permission = "monitoring:point:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	@Operation(summary = "Change a point: name, kind, location, longitude/latitude and the factors with their limits "
			+ "as sent; the logger's password only when sent (never answered); the version read as If-Match, "
			+ "?version= or \"version\": another → 409, nothing changed")
	ResponseEntity<PointView> update(@PathVariable String mn, @RequestBody MonitoringCommands.UpdatePoint request,
			@RequestHeader(value = "If-Match", required = false) String ifMatch,
			@RequestParam(required = false) String version) {
		PointView saved = this.monitoring.updatePoint(mn, request, Versions.fromRequest(ifMatch, version));
		return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(saved);
	}

	@GetMapping("/points/" + MN + "/data")
	@RouteAccess(permission = "monitoring:point:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "A factor's series: RAW real-time values, MINUTE, HOUR or DAY averages with min and max; "
			+ "from/to a date or local date-time, to exclusive")
	Items<DataPoint> data(@PathVariable String mn, @RequestParam(required = false) String factor,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String interval) {
		return this.monitoring.data(mn, factor, from, to, interval);
	}

	@GetMapping("/points/" + MN + "/health")
	@RouteAccess(permission = "monitoring:point:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The point's packets since the receiver started: stored and refused by reason")
	PointHealthView health(@PathVariable String mn) {
		this.monitoring.point(mn);
		return this.monitoring.health(mn);
	}

	@PutMapping("/points/" + MN + "/sm4-key")
	@RouteAccess(permission = "monitoring:point:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	@Operation(summary = "Rotate the point's SM4 key (the previous one is accepted for a day)")
	PointView rotateKey(@PathVariable String mn, @RequestBody MonitoringCommands.RotateKey request) {
		return this.monitoring.rotateKey(mn, request);
	}

	@GetMapping("/points/" + MN + "/sm4-keys")
	@RouteAccess(permission = "monitoring:point:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	@Operation(summary = "The point's key history: valid from, to and who entered it (never the key)")
	List<Map<String, Object>> keys(@PathVariable String mn) {
		return this.monitoring.keyHistory(mn);
	}

	@GetMapping("/alarms")
	@RouteAccess(permission = "monitoring:alarm:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Alarms by zone, kind EXCEEDANCE|INSTRUMENT|OFFLINE, status OPEN|CLOSED and opening time")
	Page<AlarmView> alarms(@RequestParam(required = false) String zone, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String status, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String mn,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.monitoring.alarms(zone, kind, status, from, to, mn, Math.max(0, page),
				Math.max(1, Math.min(size, 500)));
	}

	@GetMapping("/alarms/{id:\\d+}")
	@RouteAccess(permission = "monitoring:alarm:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One alarm")
	AlarmView alarm(@PathVariable long id) {
		return this.monitoring.alarm(id);
	}

	@PostMapping("/alarms/{id:\\d+}/hazard")
	@RouteAccess(permission = "monitoring:alarm:handle", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	@Operation(summary = "Turn the alarm into a hazard of category 环保 (once; 409 when it has one)")
	ResponseEntity<HazardLink> hazard(@PathVariable long id) {
		HazardLink link = this.monitoring.toHazard(id);
		return ResponseEntity.created(URI.create("/safety/hazards/" + link.hazardId())).body(link);
	}

	@GetMapping("/receiver")
	@RouteAccess(permission = "monitoring:receiver:read", scope = AccessScope.GLOBAL)
	@Operation(summary = "The HJ 212 receiver's counts since it started")
	ReceiverView receiver() {
		return this.monitoring.receiver();
	}

}
