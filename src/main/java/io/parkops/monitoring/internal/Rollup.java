package io.parkops.monitoring.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.parkops.monitoring.internal.SeriesStore.Bucket;
import io.parkops.monitoring.internal.SeriesStore.Row;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

// Minute, hour and day values computed from real-time values where the logger sent none:
// the minutes that received real-time values are remembered and computed every
// {@code rollup-interval} (with their hours and days); the computed minute values then
// move the alarms. Old monthly partitions are dropped once a day (retention).
@Component
class Rollup {

	private final SeriesStore series;

	private final AlarmEngine alarms;

	private final MonitoringProperties properties;

	private final io.parkops.platform.ZoneTime zoneTime;

	private final Set<Bucket> minutes = ConcurrentHashMap.newKeySet();

	Rollup(SeriesStore series, AlarmEngine alarms, MonitoringProperties properties,
			io.parkops.platform.ZoneTime zoneTime) {
		this.series = series;
		this.alarms = alarms;
		this.properties = properties;
		this.zoneTime = zoneTime;
	}

	void mark(Collection<Row> rows) {
		for (Row r : rows) {
			if (r.series() == 'R') {
				this.minutes.add(new Bucket(r.pointId(), r.factor(), r.time().truncatedTo(ChronoUnit.MINUTES)));
			}
		}
	}

	@Scheduled(fixedDelayString = "${parkops.monitoring.rollup-interval:30s}", initialDelayString = "PT20S")
	void scheduled() {
		rollUp();
	}

	// Computes the remembered minutes, their hours and days; answers the minutes done.
	synchronized int rollUp() {
		List<Bucket> todo = new ArrayList<>(this.minutes);
		this.minutes.removeAll(todo);
		// oldest first, so that no computed minute comes late to the alarms
		todo.sort(java.util.Comparator.comparing(Bucket::start));
		if (todo.isEmpty()) {
			return 0;
		}
		for (int from = 0; from < todo.size(); from += 5000) {
			List<Bucket> chunk = todo.subList(from, Math.min(todo.size(), from + 5000));
			List<Row> computed = this.series.rollUp('M', chunk);
			this.alarms.evaluate(computed);
			Set<Bucket> hours = new LinkedHashSet<>();
			Set<Bucket> days = new LinkedHashSet<>();
			for (Bucket b : chunk) {
				hours.add(new Bucket(b.pointId(), b.factor(), b.start().truncatedTo(ChronoUnit.HOURS)));
				days.add(new Bucket(b.pointId(), b.factor(), b.start().truncatedTo(ChronoUnit.DAYS)));
			}
			this.series.rollUp('H', hours);
			this.series.rollUp('D', days);
		}
		return todo.size();
	}

	// Drops the monthly partitions older than the retention (once a day, one node).
	@Scheduled(cron = "0 20 3 * * *", zone = "${parkops.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "monitoring-retention", lockAtMostFor = "PT30M")
	void retention() {
		LocalDate first = LocalDate.now(this.zoneTime.zoneId())
			.withDayOfMonth(1)
			.minusMonths(this.properties.retentionMonths());
		this.series.dropBefore(first);
	}

}
