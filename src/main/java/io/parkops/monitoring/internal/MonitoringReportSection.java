package io.parkops.monitoring.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.report.ReportFigure;
import io.parkops.report.ReportNumbers;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;

import org.springframework.stereotype.Component;

// The part 环保在线监测情况 of the work report, right after 安全环保 (the safety section has no
// hook to join): points by kind; the coverage of the 涉水涉气 enterprises (enterprises with a
// water, rain, air or VOCs point whose points sent data in the period ÷ all enterprises
// with such a point); the exceedance alarms opened in the period, those handed over as
// hazards and those closed; points exceeding three times or more and points offline as
// problems; their follow-up as plans. Every figure lists its alarms, points or
// enterprises.
@Component
class MonitoringReportSection implements ReportSectionContributor {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MonitoringFigures figures;

	private final EnterpriseRegistry enterprises;

	MonitoringReportSection(MonitoringFigures figures, EnterpriseRegistry enterprises) {
		this.figures = figures;
		this.enterprises = enterprises;
	}

	@Override
	public int order() {
		return 51;
	}

	@Override
	public String recordsPermission() {
		return "monitoring:alarm:read";
	}

	@Override
	public Optional<ReportSection> contribute(ReportScope scope) {
		String zone = scope.zoneCode();
		LocalDate from = scope.period().start();
		LocalDate to = scope.countedUntil();
		if (to.isBefore(from)) {
			return Optional.empty();
		}
		MonitoringFigures.Points points = this.figures.points(zone, to);
		if (points.total() == 0) {
			return Optional.empty();
		}
		Map<String, Object> base = new LinkedHashMap<>();
		base.put("zone", zone);
		base.put("from", from.toString());
		base.put("to", to.toString());
		base.put("scope", scope.zoneName() + "已登记的在线监测点位；超标报警按开始时间计入本期");
		List<ReportFigure> list = new ArrayList<>();
		Function<String, String> names = (cc) -> this.enterprises.find(cc).map(Enterprise::name).orElse(cc);

		List<MonitoringFigures.Covered> covered = this.figures.coverage(zone, from, to);
		long monitored = covered.stream().filter(MonitoringFigures.Covered::monitored).count();
		List<MonitoringFigures.AlarmRow> alarms = this.figures.exceedances(zone, from, to);
		List<MonitoringFigures.AlarmRow> handedOver = alarms.stream().filter((a) -> a.hazardId() != null).toList();
		List<MonitoringFigures.AlarmRow> closed = alarms.stream().filter((a) -> a.closedAt() != null).toList();

		StringBuilder p = new StringBuilder();
		p.append(scope.zoneName())
			.append("在线监测点位")
			.append(add(list, base, "monitoring.points", points.total() + "个", "截至期末已登记的在线监测点位数",
					Map.of("water", points.water(), "air", points.air(), "voc", points.voc(), "other", points.other())))
			.append("（废水和雨水排口")
			.append(points.water())
			.append("个、废气排口")
			.append(points.air())
			.append("个、VOCs排口")
			.append(points.voc())
			.append("个）");
		if (!covered.isEmpty()) {
			java.math.BigDecimal pct = java.math.BigDecimal.valueOf(monitored * 100)
				.divide(java.math.BigDecimal.valueOf(covered.size()), 4, java.math.RoundingMode.HALF_UP);
			List<Map<String, Object>> records = new ArrayList<>();
			for (MonitoringFigures.Covered c : covered) {
				Map<String, Object> r = new LinkedHashMap<>();
				r.put("name", names.apply(c.creditCode()));
				r.put("creditCode", c.creditCode());
				r.put("status", c.monitored() ? "期内有监测数据" : "期内无监测数据");
				records.add(r);
			}
			p.append("，覆盖涉水涉气企业")
				.append(add(list, base, "monitoring.enterprises", covered.size() + "家", "设有废水、雨水、废气或VOCs监测点位的企业数",
						Map.of("records", records, "recordCount", covered.size())))
				.append("，期内实时监控企业")
				.append(add(list, base, "monitoring.monitored", monitored + "家", "其中期内至少一个点位有监测数据的企业数",
						Map.of("count", monitored)))
				.append("，监控覆盖率")
				.append(add(list, base, "monitoring.coverage", ReportNumbers.rate(pct),
						"监控覆盖率 = 期内有监测数据的涉水涉气企业数 ÷ 设有涉水涉气监测点位的企业数 × 100，保留两位小数", Map.of("formula", "监控覆盖率 = "
								+ monitored + "家 ÷ " + covered.size() + "家 × 100 = " + ReportNumbers.rate(pct))));
		}
		p.append("。");
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(p.toString());
		if (alarms.isEmpty()) {
			paragraphs.add("期内在线监测未发生超标报警。");
		}
		else {
			paragraphs.add("期内在线监测发生超标报警"
					+ add(list, base, "monitoring.exceedances", alarms.size() + "次", "期内开始的超标报警次数",
							alarmRecords(alarms, names))
					+ "，已转为环保隐患交办整改"
					+ add(list, base, "monitoring.exceedances.hazards", handedOver.size() + "次", "其中已转为环保类隐患的超标报警数",
							alarmRecords(handedOver, names))
					+ "，已恢复达标" + add(list, base, "monitoring.exceedances.closed", closed.size() + "次",
							"其中截至统计时已恢复达标（报警关闭）的超标报警数", alarmRecords(closed, names))
					+ "。");
		}

		List<String> problems = new ArrayList<>();
		List<String> plans = new ArrayList<>();
		Map<String, List<MonitoringFigures.AlarmRow>> byPoint = alarms.stream()
			.collect(Collectors.groupingBy(MonitoringFigures.AlarmRow::mn, LinkedHashMap::new, Collectors.toList()));
		List<List<MonitoringFigures.AlarmRow>> repeated = byPoint.values()
			.stream()
			.filter((l) -> l.size() >= MonitoringFigures.REPEATED)
			.toList();
		if (!repeated.isEmpty()) {
			List<MonitoringFigures.AlarmRow> rows = repeated.stream().flatMap(List::stream).toList();
			List<String> who = repeated.stream()
				.limit(3)
				.map((l) -> names.apply(l.get(0).creditCode()) + l.get(0).pointName() + "（" + l.size() + "次）")
				.toList();
			problems.add("部分企业污染物排放稳定达标不够，"
					+ add(list, base, "monitoring.problem.repeated", repeated.size() + "个",
							"期内超标报警" + MonitoringFigures.REPEATED + "次及以上的点位数", alarmRecords(rows, names))
					+ "点位期内反复超标，如" + String.join("、", who) + "。");
			plans.add("对反复超标的点位逐一约谈企业，督促查明原因、整改治污设施，必要时开展执法检查。");
		}
		List<MonitoringFigures.Offline> offline = this.figures.offlineNow(zone);
		if (!offline.isEmpty()) {
			List<Map<String, Object>> records = new ArrayList<>();
			for (MonitoringFigures.Offline o : offline) {
				Map<String, Object> r = new LinkedHashMap<>();
				r.put("name", names.apply(o.creditCode()));
				r.put("creditCode", o.creditCode());
				r.put("number", o.mn());
				r.put("category", o.pointName());
				r.put("date", TIME.format(o.since().atZone(this.figures.zoneId())));
				records.add(r);
			}
			problems.add("在线监测设施运维有待加强，目前有" + add(list, base, "monitoring.problem.offline", offline.size() + "个",
					"统计时仍处于离线状态的点位数", Map.of("records", records, "recordCount", offline.size())) + "点位离线未传输数据。");
			plans.add("督促离线点位所在企业和运维单位尽快恢复数据传输，落实数采仪和监测设备日常运维责任。");
		}
		long pending = alarms.stream().filter((a) -> a.closedAt() == null && a.hazardId() == null).count();
		if (pending > 0) {
			plans.add("对" + pending + "次尚未恢复达标的超标报警跟踪督办，逾期未恢复的转为环保隐患闭环整改。");
		}
		plans.add("持续做好涉水涉气企业在线监测全天候监控，推动监测点位应装尽装、数据应传尽传。");
		return Optional.of(new ReportSection("monitoring", "环保在线监测情况", paragraphs, problems, plans, list));
	}

	private static String add(List<ReportFigure> list, Map<String, Object> base, String id, String text,
			String explanation, Map<String, Object> terms) {
		Map<String, Object> source = new LinkedHashMap<>(base);
		source.putAll(terms);
		list.add(new ReportFigure(id, text, explanation, source));
		return "{{" + id + "}}";
	}

	// The alarms behind a figure (at most 200) as records: number, enterprise, point and
	// factor, opened, status.
	private Map<String, Object> alarmRecords(List<MonitoringFigures.AlarmRow> alarms, Function<String, String> names) {
		List<Map<String, Object>> records = new ArrayList<>();
		for (MonitoringFigures.AlarmRow a : alarms.stream().limit(200).toList()) {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("number", a.id());
			r.put("name", names.apply(a.creditCode()));
			r.put("creditCode", a.creditCode());
			r.put("category", a.pointName() + " " + a.factorName());
			r.put("date", TIME.format(a.openedAt().atZone(this.figures.zoneId())));
			r.put("status", (a.hazardId() != null) ? "已转隐患" : (a.closedAt() != null) ? "已恢复" : "未恢复");
			records.add(r);
		}
		Map<String, Object> terms = new LinkedHashMap<>();
		terms.put("records", records);
		terms.put("recordCount", alarms.size());
		return terms;
	}

}
