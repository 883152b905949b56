package io.parkops.safety.internal;

import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily job that marks hazards past their deadline (逾期). With several application
 * nodes on one database, ShedLock lets one node run it; a missed day is caught up the
 * next day because every unmarked overdue hazard is marked.
 */
@Component
public class OverdueJob {

	private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);

	private final HazardService hazards;

	OverdueJob(HazardService hazards) {
		this.hazards = hazards;
	}

	@Scheduled(cron = "${parkops.safety.overdue-cron:0 10 0 * * *}", zone = "${parkops.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "safety-overdue", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	public void daily() {
		int marked = run(Inputs.today());
		log.info("Safety overdue job: {} hazards marked overdue", marked);
	}

	/** Marks hazards overdue on the given day; also what the API calls on demand. */
	public int run(LocalDate today) {
		return this.hazards.markOverdue(today);
	}

}
