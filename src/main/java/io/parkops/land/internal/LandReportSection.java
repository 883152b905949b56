package io.parkops.land.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.land.internal.AssetViews.AssetSummary;
import io.parkops.land.internal.LandViews.CommitmentCheck;
import io.parkops.land.internal.LandViews.LandSummary;
import io.parkops.land.internal.PerMuViews.EvaluationView;
import io.parkops.report.ReportFigure;
import io.parkops.report.ReportNumbers;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;

import org.springframework.stereotype.Component;

/**
 * The part 要素保障情况 of the work report: land in 亩 as the reference reports write it (征收土地,
 * 迁坟, 组卷报批, 挂牌出让 and 标准地), the disposals of the three kinds of inefficient land, 标准地 达产
 * checks, the 亩均 classes, rent collected and arrears; idle land past its legal clock, 标准地
 * not met and arrears over 90 days as problems, with plans.
 */
@Component
class LandReportSection implements ReportSectionContributor {

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10000);

	private final LandStatistics statistics;

	private final LandStore store;

	private final AssetService assets;

	private final PerMuService perMu;

	LandReportSection(LandStatistics statistics, LandStore store, AssetService assets, PerMuService perMu) {
		this.statistics = statistics;
		this.store = store;
		this.assets = assets;
		this.perMu = perMu;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public String recordsPermission() {
		return "land:parcel:read";
	}

	@Override
	public Optional<ReportSection> contribute(ReportScope scope) {
		String zone = scope.zoneCode();
		LocalDate from = scope.period().start();
		LocalDate to = scope.countedUntil();
		if (to.isBefore(from)) {
			return Optional.empty();
		}
		LandSummary s = this.statistics.summary(zone, from, to);
		AssetSummary a = this.assets.summary(zone, from, to);
		Optional<EvaluationView> evaluation = this.perMu.latestEvaluationForReport(zone, to.getYear());
		List<CommitmentCheck> commitments = this.statistics.commitments(zone, to);
		BigDecimal disposed = s.disposals().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		boolean land = s.expropriation().areaMu().signum() > 0 || s.approval().approvedBatches() > 0
				|| s.approval().inProgressBatches() > 0 || s.supply().parcels() > 0 || disposed.signum() > 0
				|| s.idle().parcels() > 0;
		boolean rent = a.rentCollected().signum() > 0 || a.arrears().amount().signum() > 0;
		if (!land && !rent && evaluation.isEmpty()) {
			return Optional.empty();
		}
		String period = periodName(scope);
		Figures f = new Figures(from, to);
		List<String> paragraphs = new ArrayList<>();
		if (land) {
			StringBuilder p = new StringBuilder(period).append("，").append(scope.zoneName());
			List<String> parts = new ArrayList<>();
			if (s.expropriation().areaMu().signum() > 0) {
				StringBuilder e = new StringBuilder("征收土地")
					.append(f.add("land.expropriation.mu", mu(s.expropriation().areaMu()), "期间登记的征地面积合计（亩，两位小数）",
							Map.of("areaMu", s.expropriation().areaMu())));
				if (s.expropriation().graves() > 0) {
					e.append("，迁坟")
						.append(f.add("land.expropriation.graves", s.expropriation().graves() + "座", "期间征地迁移坟墓数合计",
								Map.of("graves", s.expropriation().graves())));
				}
				if (s.expropriation().housesM2().signum() > 0) {
					e.append("，房屋征收")
						.append(f.add("land.expropriation.houses",
								s.expropriation().housesM2().setScale(2, RoundingMode.HALF_UP).toPlainString() + "平方米",
								"期间征收房屋面积合计", Map.of("housesM2", s.expropriation().housesM2())));
				}
				parts.add(e.toString());
			}
			if (s.approval().approvedBatches() > 0) {
				parts.add("完成组卷报批"
						+ f.add("land.approval.batches", s.approval().approvedBatches() + "批次", "期间获批复的报批批次数",
								Map.of("batches", s.approval().approvedBatches()))
						+ "面积" + f.add("land.approval.mu", mu(s.approval().approvedMu()), "期间获批复批次的面积合计",
								Map.of("areaMu", s.approval().approvedMu())));
			}
			if (s.approval().inProgressBatches() > 0) {
				parts.add("另有"
						+ f.add("land.approval.open", s.approval().inProgressBatches() + "批次", "期末处于组卷中或已上报状态的批次数",
								Map.of())
						+ "、" + f.add("land.approval.openMu", mu(s.approval().inProgressMu()), "期末在办批次面积合计", Map.of())
						+ "正在组卷报批");
			}
			if (s.supply().parcels() > 0) {
				String std = (s.supply().standardLand() > 0) ? "，其中以标准地方式供应"
						+ f.add("land.supply.standard", s.supply().standardLand() + "宗", "期间以标准地方式供应的宗数", Map.of())
						: "";
				parts.add("供应土地"
						+ f.add("land.supply.parcels", s.supply().parcels() + "宗", "期间供地宗数（挂牌出让和划拨）",
								Map.of("parcels", s.supply().parcels()))
						+ "面积" + f.add("land.supply.mu", mu(s.supply().areaMu()), "期间供地面积合计",
								Map.of("areaMu", s.supply().areaMu()))
						+ std);
			}
			if (!parts.isEmpty()) {
				p.append(String.join("；", parts)).append("。");
				paragraphs.add(p.toString());
			}
			if (disposed.signum() > 0) {
				List<String> d = new ArrayList<>();
				addDisposal(d, f, s, "APPROVED_UNSUPPLIED", "批而未供用地处置");
				addDisposal(d, f, s, "INEFFICIENT", "低效用地处置");
				addDisposal(d, f, s, "IDLE", "闲置土地处置");
				paragraphs.add("盘活存量土地，累计完成" + String.join("、", d) + "。");
			}
		}
		if (!commitments.isEmpty()) {
			long met = commitments.stream().filter(CommitmentCheck::met).count();
			paragraphs.add("开展标准地达产复核"
					+ f.records("land.standard.checked", commitments.size() + "宗", "约定达产日期已到的标准地宗数",
							commitmentRecords(commitments), commitments.size())
					+ "，其中达标"
					+ f.add("land.standard.met", met + "宗", "各项有实际数据的控制指标（投资强度、容积率、建筑系数、亩均税收、单位能耗）均达到出让承诺的宗数", Map.of())
					+ "。");
		}
		evaluation.ifPresent((e) -> paragraphs.add(e.year() + "年度亩均效益评价参评企业"
				+ f.add("land.permu.graded", e.graded() + "家", e.year() + "年度评价中参与排序分档的企业数",
						Map.of("graded", e.graded()))
				+ "，其中A类" + f.add("land.permu.a", e.classes().get("A") + "家", "A类（优先发展）企业数", Map.of()) + "、B类"
				+ f.add("land.permu.b", e.classes().get("B") + "家", "B类（鼓励提升）企业数，含不参评视同B类的企业", Map.of()) + "、C类"
				+ f.add("land.permu.c", e.classes().get("C") + "家", "C类（规范转型）企业数", Map.of()) + "、D类"
				+ f.add("land.permu.d", e.classes().get("D") + "家", "D类（调控帮扶）企业数", Map.of())
				+ "，评价结果已与用电、用水、用地和奖补政策挂钩。"));
		if (rent) {
			StringBuilder r = new StringBuilder("资产运营方面，共收取租金")
				.append(f.add("land.rent.collected", ReportNumbers.amount(wan(a.rentCollected())), "期间收到的租金合计（元折万元）",
						Map.of("yuan", a.rentCollected())))
				.append("，厂房公寓出租率")
				.append(f.add("land.rent.occupancy", ReportNumbers.rate(a.occupancyPct()), "期末在租面积 ÷ 全部房源面积 × 100",
						Map.of("occupancyPct", a.occupancyPct())));
			if (a.arrears().enterprises() > 0) {
				r.append("；欠缴租金")
					.append(f.add("land.rent.arrears", ReportNumbers.amount(wan(a.arrears().amount())), "期末已出账未收回的租金合计",
							Map.of("yuan", a.arrears().amount())))
					.append("，涉及企业")
					.append(f.add("land.rent.arrearsEnterprises", a.arrears().enterprises() + "家", "期末欠缴租金的承租企业数",
							Map.of()));
			}
			if (a.litigationEnterprises() > 0) {
				r.append("，诉讼拖欠租金的企业")
					.append(f.add("land.rent.litigation", a.litigationEnterprises() + "家", "期间对其提起诉讼的承租企业数", Map.of()));
			}
			paragraphs.add(r.append("。").toString());
		}
		List<String> problems = new ArrayList<>();
		List<String> plans = new ArrayList<>();
		if (s.idle().parcels() > 0) {
			List<Map<String, Object>> records = idleRecords(zone, to);
			String sentence = "闲置土地处置任务较重，仍有闲置土地"
					+ f.records("land.problem.idle", s.idle().parcels() + "宗", "期末已闲置满一年、尚未处置的地块数", records,
							s.idle().parcels())
					+ "、面积" + f.add("land.problem.idleMu", mu(s.idle().areaMu()), "这些地块的面积合计", Map.of());
			if (s.idle().reclaimDue() > 0) {
				sentence += "，其中"
						+ f.add("land.problem.reclaim", s.idle().reclaimDue() + "宗", "闲置满两年、应依法无偿收回的地块数", Map.of())
						+ "已闲置满两年";
			}
			problems.add(sentence + "。");
			plans.add("加快闲置土地处置，对闲置满一年的依法征缴土地闲置费，满两年的依法无偿收回，推动批而未供和低效用地盘活利用。");
		}
		long notMet = commitments.stream().filter((c) -> !c.met()).count();
		if (notMet > 0) {
			problems
				.add("部分标准地未能按约定达产达标，" + f.add("land.problem.standard", notMet + "宗", "达产复核中有控制指标未达到出让承诺的宗数", Map.of())
						+ "标准地" + unmetNames(commitments) + "未达到出让承诺。");
			plans.add("对未达标的标准地按出让合同约定督促整改、落实违约责任。");
		}
		if (a.arrears().buckets().d90plus().signum() > 0) {
			problems.add("租金回收压力较大，逾期90天以上的欠缴租金" + f.add("land.problem.arrears90",
					ReportNumbers.amount(wan(a.arrears().buckets().d90plus())), "期末逾期超过90天未收回的租金合计", Map.of()) + "。");
			plans.add("加强租金催缴，对长期拖欠租金的企业依法诉讼追缴。");
		}
		if (evaluation.isPresent() && evaluation.get().classes().getOrDefault("D", 0L) > 0) {
			plans.add("深化亩均效益评价结果运用，对D类企业实施差别化要素配置和帮扶整治。");
		}
		if (paragraphs.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new ReportSection("land", "要素保障情况", paragraphs, problems, plans, f.all()));
	}

	private static void addDisposal(List<String> d, Figures f, LandSummary s, String kind, String name) {
		BigDecimal mu = s.disposals().get(kind);
		if (mu != null && mu.signum() > 0) {
			d.add(name + f.add("land.disposal." + kind.toLowerCase(java.util.Locale.ROOT), mu(mu),
					"期间登记的" + name + "面积合计", Map.of("areaMu", mu)));
		}
	}

	private List<Map<String, Object>> idleRecords(String zone, LocalDate asOf) {
		List<Map<String, Object>> records = new ArrayList<>();
		for (LandStore.SupplyRow r : this.store.supplies(List.of(zone), null)) {
			IdleLandClock.Clock clock = IdleLandClock.on(r.progress(), asOf);
			if (clock.idle()) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("number", r.parcelCode());
				m.put("date", clock.runsFrom().toString());
				m.put("status", clock.stage() == IdleLandClock.Stage.RECLAIM_DUE ? "闲置满两年" : "闲置满一年");
				records.add(m);
			}
		}
		return records;
	}

	/** The indicators not met over the checks, in Chinese (投资强度、亩均税收). */
	static String unmetNames(List<CommitmentCheck> checks) {
		Map<String, String> zh = Map.of("investment_intensity", "投资强度", "plot_ratio", "容积率", "building_coefficient",
				"建筑系数", "tax_per_mu", "亩均税收", "energy_per_value", "单位能耗");
		List<String> names = new ArrayList<>();
		for (String code : List.of("investment_intensity", "plot_ratio", "building_coefficient", "tax_per_mu",
				"energy_per_value")) {
			if (checks.stream().anyMatch((c) -> c.unmet().stream().anyMatch((i) -> i.code().equals(code)))) {
				names.add(zh.get(code));
			}
		}
		return String.join("、", names);
	}

	private static List<Map<String, Object>> commitmentRecords(List<CommitmentCheck> checks) {
		List<Map<String, Object>> records = new ArrayList<>();
		for (CommitmentCheck c : checks) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("number", c.parcelCode());
			m.put("name", c.buyerName());
			m.put("creditCode", c.buyerCreditCode());
			m.put("current", c.actualTaxPerMu());
			m.put("base", c.committedTaxPerMu());
			m.put("status", c.met() ? "达标" : "未达标");
			records.add(m);
		}
		return records;
	}

	static String mu(BigDecimal mu) {
		return LandUnits.mu(mu).stripTrailingZeros().toPlainString() + "亩";
	}

	static BigDecimal wan(BigDecimal yuan) {
		return yuan.divide(TEN_THOUSAND, 6, RoundingMode.HALF_UP);
	}

	static String periodName(ReportScope scope) {
		var period = scope.period();
		return switch (period.kind()) {
			case HALF_YEAR -> period.year() + "年上半年";
			case ANNUAL -> period.year() + "年";
			case MONTHS -> period.year() + "年1-" + period.month() + "月";
			case QUARTER -> period.year() + "年" + period.label();
		};
	}

	/** The figures of the section with their markers. */
	private static final class Figures {

		private final List<ReportFigure> figures = new ArrayList<>();

		private final String period;

		Figures(LocalDate from, LocalDate to) {
			this.period = from + ".." + to;
		}

		String add(String id, String text, String explanation, Map<String, Object> terms) {
			Map<String, Object> source = new LinkedHashMap<>();
			source.put("period", this.period);
			source.put("scope", "本园区");
			source.put("formula", explanation);
			source.putAll(terms);
			this.figures.add(new ReportFigure(id, text, explanation, source));
			return "{{" + id + "}}";
		}

		String records(String id, String text, String explanation, List<Map<String, Object>> records, long count) {
			Map<String, Object> source = new LinkedHashMap<>();
			source.put("period", this.period);
			source.put("scope", "本园区");
			source.put("formula", explanation);
			source.put("records", records.subList(0, Math.min(records.size(), 200)));
			source.put("recordCount", count);
			this.figures.add(new ReportFigure(id, text, explanation, source));
			return "{{" + id + "}}";
		}

		List<ReportFigure> all() {
			return this.figures;
		}

	}

}
