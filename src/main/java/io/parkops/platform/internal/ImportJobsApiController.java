package io.parkops.platform.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.parkops.platform.AccessScope;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.excel.ImportJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The state of a queued import job, for the user who started it.
 */
@RestController
@Tag(name = "platform")
class ImportJobsApiController {

	private final ImportJobs jobs;

	private final MessageSource messages;

	ImportJobsApiController(ImportJobs jobs, MessageSource messages) {
		this.jobs = jobs;
		this.messages = messages;
	}

	@GetMapping("/api/v1/import-jobs/{id}")
	@RouteAccess(scope = AccessScope.SELF)
	@Operation(summary = "An import job: QUEUED, RUNNING (total, done, percent), DONE (rows), FAILED (errors) or "
			+ "INTERRUPTED (its node stopped; nothing stored)")
	Map<String, Object> job(@PathVariable UUID id) {
		ImportJobs.Job job = this.jobs.find(id).orElseThrow(() -> new NotFoundException("error.import.notFound"));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", job.id());
		body.put("kind", job.kind());
		body.put("status", job.status());
		body.put("file", job.fileName());
		body.put("total", job.total());
		body.put("done", job.done());
		body.put("percent", job.percent());
		if (job.rows() != null) {
			body.put("rows", job.rows());
		}
		if ("FAILED".equals(job.status())) {
			body.put("errors", job.errors()
				.stream()
				.map((e) -> new io.parkops.platform.excel.ImportError(e.row(), e.column(),
						this.messages.getMessage(e.message(), null, e.message(), LocaleContextHolder.getLocale())))
				.toList());
		}
		if ("INTERRUPTED".equals(job.status())) {
			body.put("message", this.messages.getMessage("import.interrupted", null, LocaleContextHolder.getLocale()));
		}
		return body;
	}

}
