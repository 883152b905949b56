package io.parkops.service.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily job that escalates requests past their deadline to the leaders (逾期上报): each
 * is marked once with the day and a step in its history; the leaders' 我的待办 lists them.
 * With several nodes, ShedLock lets one run it.
 */
@Component
class EscalationJob {

	private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

	private final RequestService requests;

	EscalationJob(RequestService requests) {
		this.requests = requests;
	}

	@Scheduled(cron = "${parkops.service.escalation-cron:0 20 0 * * *}", zone = "${parkops.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "service-escalation", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	public void daily() {
		int n = this.requests.escalateOverdue(null, Scopes.today());
		log.info("Service escalation job: {} overdue requests escalated", n);
	}

}
