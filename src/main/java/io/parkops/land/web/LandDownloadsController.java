package io.parkops.land.web;

import java.io.IOException;

import io.parkops.land.internal.LandDocuments;
import io.parkops.land.internal.LandExports;
import io.parkops.platform.AccessScope;
import io.parkops.platform.RouteAccess;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Word documents and Excel exports of land and assets, for the API and the pages.
 */
@Controller
class LandDownloadsController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final LandDocuments documents;

	private final LandExports exports;

	private final LandPageSupport support;

	LandDownloadsController(LandDocuments documents, LandExports exports, LandPageSupport support) {
		this.documents = documents;
		this.exports = exports;
		this.support = support;
	}

	static void attachment(HttpServletResponse response, String type, String name) {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(name, java.nio.charset.StandardCharsets.UTF_8)
					.build()
					.toString());
	}

	@GetMapping(value = { "/api/v1/land/idle-notices/{id:\\d+}/docx", "/land/idle-notices/{id:\\d+}/docx" },
			produces = DOCX)
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@Operation(summary = "An idle-land notice as a Word document (GB/T 9704-2012 layout)")
	void notice(@PathVariable long id, HttpServletResponse response) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		this.documents.notice(id, out);
		attachment(response, DOCX, "idle-land-notice-" + id + ".docx");
		out.writeTo(response.getOutputStream());
	}

	@GetMapping(value = { "/api/v1/land/per-mu/evaluations/{id:\\d+}/results/{creditCode:[0-9A-Za-z]{18}}/docx",
			"/land/per-mu/evaluations/{id:\\d+}/results/{creditCode:[0-9A-Za-z]{18}}/docx" }, produces = DOCX)
	@RouteAccess(permission = "land:permu:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "An enterprise's one-page per-mu result as a Word document")
	void result(@PathVariable long id, @PathVariable String creditCode, HttpServletResponse response)
			throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		this.documents.result(id, creditCode, out);
		attachment(response, DOCX, "per-mu-result-" + creditCode + ".docx");
		out.writeTo(response.getOutputStream());
	}

	@GetMapping(value = "/api/v1/land/parcels/export", produces = XLSX)
	@RouteAccess(permission = "land:data:export", scope = AccessScope.ZONE)
	@Operation(summary = "Export the filtered parcels as .xlsx")
	void exportParcelsApi(@RequestParam(required = false) String zone, @RequestParam(required = false) String status,
			@RequestParam(required = false) String use, @RequestParam(required = false) String q,
			HttpServletResponse response) throws IOException {
		attachment(response, XLSX, "parcels.xlsx");
		this.exports.parcels(zone, status, use, q, response.getOutputStream());
	}

	@GetMapping(value = "/land/parcels/export", produces = XLSX)
	@RouteAccess(permission = "land:data:export", scope = AccessScope.ZONE)
	void exportParcels(@RequestParam(required = false) String status, @RequestParam(required = false) String use,
			@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
		attachment(response, XLSX, "parcels.xlsx");
		this.exports.parcels(this.support.zone(), status, use, q, response.getOutputStream());
	}

	@GetMapping(value = "/api/v1/assets/leases/export", produces = XLSX)
	@RouteAccess(permission = "land:data:export", scope = AccessScope.ZONE)
	@Operation(summary = "Export the leases with their arrears by age as .xlsx")
	void exportLeasesApi(@RequestParam(required = false) String zone, HttpServletResponse response) throws IOException {
		attachment(response, XLSX, "leases.xlsx");
		this.exports.leases(zone, response.getOutputStream());
	}

	@GetMapping(value = "/assets/leases/export", produces = XLSX)
	@RouteAccess(permission = "land:data:export", scope = AccessScope.ZONE)
	void exportLeases(HttpServletResponse response) throws IOException {
		attachment(response, XLSX, "leases.xlsx");
		this.exports.leases(this.support.zone(), response.getOutputStream());
	}

	@GetMapping(value = "/api/v1/assets/bills/export", produces = XLSX)
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Export the bills the filters find as .xlsx (a tenant: its own)")
	void exportBillsApi(@RequestParam(required = false) String zone, @RequestParam(required = false) String status,
			@RequestParam(required = false) String tenant, @RequestParam(required = false) String periodFrom,
			@RequestParam(required = false) String periodTo, @RequestParam(required = false) String q,
			HttpServletResponse response) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		this.exports.bills(zone, status, tenant, periodFrom, periodTo, q, out);
		attachment(response, XLSX, "bills.xlsx");
		out.writeTo(response.getOutputStream());
	}

	@GetMapping(value = "/assets/bills/export", produces = XLSX)
	@RouteAccess(permission = "land:asset:read", scope = AccessScope.ENTERPRISE)
	void exportBills(@RequestParam(required = false) String status, @RequestParam(required = false) String tenant,
			@RequestParam(required = false) String periodFrom, @RequestParam(required = false) String periodTo,
			@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		this.exports.bills(this.support.zone(), status, tenant, periodFrom, periodTo, q, out);
		attachment(response, XLSX, "bills.xlsx");
		out.writeTo(response.getOutputStream());
	}

}
