package io.parkops.cockpit.web;

import io.parkops.cockpit.internal.CockpitData;
import io.parkops.cockpit.internal.CockpitService;
import io.parkops.platform.AccessScope;
import io.parkops.platform.RouteAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the leadership cockpit.
 */
@RestController
@RequestMapping("/api/v1/cockpit")
@Tag(name = "cockpit", description = "领导驾驶舱 / leadership cockpit")
class CockpitApiController {

	private final CockpitService cockpit;

	CockpitApiController(CockpitService cockpit) {
		this.cockpit = cockpit;
	}

	@GetMapping
	@RouteAccess(permission = "cockpit:cockpit:read", scope = AccessScope.ZONE)
	@Operation(
			summary = "The zone's cockpit: the tiles of the work lines the caller may read, and the economy and hazard figures")
	CockpitData cockpit(@RequestParam String zone) {
		return this.cockpit.cockpit(zone);
	}

}
