package io.parkops.land.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily rent billing job (租金出账): issues every lease's bill for each period begun,
 * assigns payments recorded before bills were stored and marks bills past their due day
 * 逾期. With several application nodes on one database ShedLock lets one node run it; a
 * missed day is caught up the next, and a second run the same day changes nothing (one
 * bill per lease and period, a unique key).
 */
@Component
public class RentBillJob {

	private static final Logger log = LoggerFactory.getLogger(RentBillJob.class);

	private final RentBills bills;

	RentBillJob(RentBills bills) {
		this.bills = bills;
	}

	@Scheduled(cron = "${parkops.land.bill-cron:0 20 0 * * *}", zone = "${parkops.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "land-rent-bills", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	public void daily() {
		RentBills.Run run = this.bills.run(LandScope.today());
		log.info("Rent billing job: {} bills issued, {} earlier payments assigned, {} bills marked overdue",
				run.issued(), run.assigned(), run.overdue());
	}

}
