package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

// The demo zone's twenty monitoring points and what their simulated data loggers measure
// each minute: the stored history (MonitoringDemoData) and the live packets
// (LoggerSimulator) come from the same plan, so the charts join without a seam.
// <ul>
// <li>Every value follows a daily curve around the factor's usual level with some
// noise.</li>
// <li>Point 2 (废水) exceeds its COD limit for 12 minutes every 6 hours; point 6 (废气)
// its NOx limit for 8 minutes every 8 hours.</li>
// <li>Point 3 (废水) is under maintenance (flag M) for 30 minutes every 8 hours: its
// values are high then (calibration liquid) and open no alarm.</li>
// <li>Point 18 (VOCs) falls silent for 45 minutes every 12 hours: it goes offline.</li>
// </ul>
final class DemoLoggers {

	// The demo points' MNs start with this, then the point's number.
	static final String MN_PREFIX = "YXDEMO";

	// The access password (PW) of every demo logger.
	static final String PASSWORD = "yx212demo";

	private DemoLoggers() {
	}

	// A factor of a demo point: its usual level and relative spread.
	record FactorSpec(String code, String name, String unit, BigDecimal limit, BigDecimal warning, double level,
			double spread) {
	}

	// A demo point.
	record Spec(int number, String name, String kind, String location, List<FactorSpec> factors) {

		String mn() {
			return DemoLoggers.mn(this.number);
		}

		// The HJ 212 system code: 32 water pollution source, 31 air pollution source.
		String st() {
			return ("WATER".equals(this.kind) || "RAIN".equals(this.kind)) ? "32" : "31";
		}

		// The Flag of its packets: HJ 212-2017 (5) for most, HJ 212-2025 (9) for every
		// third; both ask for an acknowledgement.
		int flag() {
			return (this.number % 3 == 0) ? 9 : 5;
		}

	}

	// What a logger measures in a minute: a value and its flag per factor, or silence.
	record Reading(List<String> codes, List<BigDecimal> values, List<String> flags) {
	}

	static String mn(int number) {
		return MN_PREFIX + String.format(java.util.Locale.ROOT, "%018d", number);
	}

	private static FactorSpec f(String code, String name, String unit, String limit, String warning, double level,
			double spread) {
		return new FactorSpec(code, name, unit, (limit != null) ? new BigDecimal(limit) : null,
				(warning != null) ? new BigDecimal(warning) : null, level, spread);
	}

	private static List<FactorSpec> water(double cod, double nh3) {
		// 间接排放 to the park's sewage plant (GB 8978 三级, CJ 343): COD 500, 氨氮 45, pH 6–9
		return List.of(f("w01018", "化学需氧量", "mg/L", "500", "400", cod, 0.12),
				f("w21003", "氨氮", "mg/L", "45", "35", nh3, 0.15), f("w01001", "pH值", "无量纲", "9", "8.5", 7.3, 0.03),
				f("w00000", "废水流量", "L/s", null, null, 6.5, 0.2));
	}

	private static List<FactorSpec> boiler(double so2, double nox, double dust) {
		// GB 13271 燃气锅炉: SO2 50, NOx 150 (特别排放限值), 颗粒物 20
		return List.of(f("a21026", "二氧化硫", "mg/m³", "50", "40", so2, 0.15),
				f("a21002", "氮氧化物", "mg/m³", "150", "120", nox, 0.1),
				f("a34013", "颗粒物", "mg/m³", "20", "16", dust, 0.15),
				f("a00000", "废气流量", "m³/h", null, null, 12000, 0.08));
	}

	private static List<FactorSpec> voc(double nmhc) {
		// GB 37822 / 地方标准: 非甲烷总烃 60
		return List.of(f("a24088", "非甲烷总烃", "mg/m³", "60", "50", nmhc, 0.18),
				f("a00000", "废气流量", "m³/h", null, null, 25000, 0.1));
	}

	// The twenty points in order: enterprises take them two by two (see
	// MonitoringDemoData).
	static final List<Spec> POINTS = List.of(new Spec(1, "废水总排口DW001", "WATER", "厂区东南角污水排放口", water(160, 11)),
			new Spec(2, "废水总排口DW001", "WATER", "污水站出水口", water(260, 18)),
			new Spec(3, "废水总排口DW001", "WATER", "厂区北侧排放口", water(140, 9)),
			new Spec(4, "锅炉烟囱DA001", "AIR", "锅炉房", boiler(14, 78, 5)),
			new Spec(5, "废水总排口DW001", "WATER", "污水处理站", water(210, 15)),
			new Spec(6, "工艺废气排放口DA002", "AIR", "反应车间屋顶", boiler(22, 105, 7)),
			new Spec(7, "雨水排放口YS001", "RAIN", "厂区西侧雨水口",
					List.of(f("w01018", "化学需氧量", "mg/L", "40", "30", 12, 0.2),
							f("w01001", "pH值", "无量纲", "9", "8.5", 7.1, 0.03))),
			new Spec(8, "锅炉烟囱DA001", "AIR", "动力车间", boiler(11, 64, 4)),
			new Spec(9, "废水总排口DW001", "WATER", "厂区南门排放口", water(120, 7)),
			new Spec(10, "VOCs排放口DA003", "VOC", "涂装车间", voc(21)),
			new Spec(11, "锅炉烟囱DA001", "AIR", "锅炉房", boiler(17, 88, 6)),
			new Spec(12, "废水总排口DW001", "WATER", "综合污水排放口", water(190, 13)),
			new Spec(13, "工艺废气排放口DA002", "AIR", "焙烧炉", boiler(25, 97, 8)),
			new Spec(14, "废水总排口DW001", "WATER", "发酵车间排放口", water(230, 21)),
			new Spec(15, "锅炉烟囱DA001", "AIR", "锅炉房", boiler(9, 71, 5)),
			new Spec(16, "VOCs排放口DA002", "VOC", "印刷车间", voc(16)),
			new Spec(17, "废水总排口DW001", "WATER", "厂区排放口", water(150, 10)),
			new Spec(18, "VOCs排放口DA004", "VOC", "喷漆房", voc(24)),
			new Spec(19, "锅炉烟囱DA001", "AIR", "热电站", boiler(19, 92, 7)),
			new Spec(20, "工艺废气排放口DA003", "AIR", "窑炉车间", boiler(20, 110, 9)));

	// What point {@code spec} measures in the minute {@code minute} (local time), or null
	// when it is silent.
	static Reading reading(Spec spec, LocalDateTime minute) {
		long m = minute.truncatedTo(ChronoUnit.MINUTES).toLocalDate().toEpochDay() * 1440 + minute.getHour() * 60
				+ minute.getMinute();
		int ofDay = (int) Math.floorMod(m, 1440L);
		if (spec.number() == 18 && Math.floorMod(ofDay - 300, 720) < 45) {
			return null;
		}
		boolean maintenance = spec.number() == 3 && Math.floorMod(ofDay - 200, 480) < 30;
		List<String> codes = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		List<String> flags = new ArrayList<>();
		for (FactorSpec f : spec.factors()) {
			double daily = 1 + 0.12 * Math.sin(2 * Math.PI * (ofDay / 1440.0 + spec.number() / 7.0));
			double v = f.level() * daily * (1 + f.spread() * noise(spec.number(), f.code(), m));
			String flag = "N";
			if (f.limit() != null && exceeds(spec.number(), f.code(), ofDay)) {
				v = f.limit().doubleValue() * (1.12 + 0.06 * noise(spec.number(), f.code(), m + 7));
			}
			if (maintenance) {
				flag = "M";
				if (f.limit() != null) {
					v = f.limit().doubleValue() * 1.3;
				}
			}
			codes.add(f.code());
			values.add(round(v, f));
			flags.add(flag);
		}
		return new Reading(codes, values, flags);
	}

	// Whether the plan has the factor above its limit in that minute of the day.
	static boolean exceeds(int point, String code, int ofDay) {
		return (point == 2 && code.equals("w01018") && Math.floorMod(ofDay - 100, 360) < 12)
				|| (point == 6 && code.equals("a21002") && Math.floorMod(ofDay - 170, 480) < 8);
	}

	private static BigDecimal round(double v, FactorSpec f) {
		int scale = (f.level() >= 1000) ? 0 : (f.code().equals("w01001") ? 2 : 1);
		return BigDecimal.valueOf(Math.max(0, v)).setScale(scale, RoundingMode.HALF_UP);
	}

	// A deterministic noise in [-1, 1] of a point, factor and minute.
	static double noise(int point, String code, long minute) {
		long x = minute * 0x9E3779B97F4A7C15L + point * 0xC2B2AE3D27D4EB4FL + code.hashCode();
		x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
		x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
		x = x ^ (x >>> 31);
		return ((x >>> 11) / (double) (1L << 53)) * 2 - 1;
	}

	// The real-time data packet (2011) of a reading, with a fresh QN.
	static String packet(Spec spec, LocalDateTime minute, Reading reading, String qn) {
		return packet(spec.mn(), PASSWORD, spec.st(), spec.flag(), minute, reading, qn);
	}

	static String packet(String mn, String password, String st, int flag, LocalDateTime minute, Reading reading,
			String qn) {
		StringBuilder cp = new StringBuilder("DataTime=").append(PacketIngest.DATA_TIME.format(minute));
		for (int i = 0; i < reading.codes().size(); i++) {
			String code = reading.codes().get(i);
			cp.append(';')
				.append(code)
				.append("-Rtd=")
				.append(reading.values().get(i).toPlainString())
				.append(',')
				.append(code)
				.append("-Flag=")
				.append(reading.flags().get(i));
		}
		return Hj212.frame("QN=" + qn + ";ST=" + st + ";CN=2011;PW=" + password + ";MN=" + mn + ";Flag=" + flag
				+ ";CP=&&" + cp + "&&");
	}

}
