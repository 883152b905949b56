package io.parkops.monitoring.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.parkops.monitoring.internal.MonitoringViews.AlarmView;
import io.parkops.monitoring.internal.MonitoringViews.FactorView;
import io.parkops.monitoring.internal.MonitoringViews.PointView;
import io.parkops.platform.ZoneTime;
import io.parkops.platform.excel.ExcelRows;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

// Excel exports of the point and alarm lists with the filters of the page, headers, kinds,
// standard factor names and units in the reader's language, times in the zone's time zone.
@Component
public class MonitoringExports {

	static final int ALL = 500;

	private final MonitoringPages pages;

	private final MessageSource messages;

	private final ZoneTime zoneTime;

	private final FactorNames factorNames;

	MonitoringExports(MonitoringPages pages, MessageSource messages, ZoneTime zoneTime, FactorNames factorNames) {
		this.pages = pages;
		this.messages = messages;
		this.zoneTime = zoneTime;
		this.factorNames = factorNames;
	}

	private String t(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private List<String> headers(String... keys) {
		return Arrays.stream(keys).map(this::t).toList();
	}

	// An offset date-time of the API as the zone's yyyy-MM-dd HH:mm; empty for null.
	String time(String offset) {
		return (offset != null) ? this.zoneTime.format(OffsetDateTime.parse(offset)) : "";
	}

	static BigDecimal plain(BigDecimal v) {
		return (v != null) ? v.setScale(Math.max(0, Math.min(v.stripTrailingZeros().scale(), 4)), RoundingMode.HALF_UP)
				: null;
	}

	private String factors(PointView p) {
		List<String> parts = new ArrayList<>();
		for (FactorView f : p.factors()) {
			String value = (f.latestValue() != null) ? plain(f.latestValue()).toPlainString() + " "
					+ this.factorNames.unit(f.unit()) + " " + t("monitoring.series." + f.latestInterval()) : "-";
			String limit = (f.limit() != null) ? t("monitoring.export.limit", plain(f.limit()).toPlainString()) : "";
			parts.add(this.factorNames.name(f.code(), f.name()) + " " + value + limit
					+ (f.aboveLimit() ? t("monitoring.export.above") : ""));
		}
		return String.join("；", parts);
	}

	public void points(String zone, MonitoringPages.PointFilter filter, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			List<PointView> items = this.pages.points(zone, filter, page, ALL).items();
			for (PointView p : items) {
				rows.add(Arrays.asList(p.name(), p.enterpriseName(), t("monitoring.kind." + p.kind()), p.location(),
						p.mn(), p.online() ? t("monitoring.online") : t("monitoring.offline"), time(p.lastPacketAt()),
						p.openAlarms(), factors(p)));
			}
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("monitoring.points.title"),
				headers("monitoring.field.point", "monitoring.field.enterprise", "monitoring.field.kind",
						"monitoring.field.location", "monitoring.field.mn", "monitoring.field.online",
						"monitoring.field.lastPacketAt", "monitoring.field.openAlarms", "monitoring.field.latest"),
				rows);
	}

	public void alarms(String zone, MonitoringPages.AlarmFilter filter, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			List<AlarmView> items = this.pages.alarms(zone, filter, page, ALL).items();
			for (AlarmView a : items) {
				String unit = this.factorNames.unit(a.unit());
				rows.add(Arrays.asList(a.id(), t("monitoring.alarm.kind." + a.kind()), a.enterpriseName(),
						a.pointName(), Objects.toString(this.factorNames.name(a.factor(), a.factorName()), ""),
						t("monitoring.alarm.status." + a.status()), time(a.openedAt()), time(a.closedAt()),
						plain(a.maxValue()), plain(a.limit()), unit, (a.hazardId() != null) ? a.hazardId() : ""));
			}
			if (items.size() < ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("monitoring.alarms.title"),
				headers("monitoring.field.id", "monitoring.field.alarmKind", "monitoring.field.enterprise",
						"monitoring.field.point", "monitoring.field.factor", "monitoring.field.status",
						"monitoring.field.openedAt", "monitoring.field.closedAt", "monitoring.field.maxValue",
						"monitoring.field.limit", "monitoring.field.unit", "monitoring.field.hazard"),
				rows);
	}

}
