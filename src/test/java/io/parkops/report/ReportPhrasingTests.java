package io.parkops.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo zone's half-year report reads like the reference reports (issue 9 §4): no
 * sentence frame more than twice, problems of one kind in one sentence, targets written
 * one way, counts as of the period's end, a title broken between words, and a signature.
 */
@ParkOpsTest
class ReportPhrasingTests {

	/** A number with the unit that follows it, as one slot of a frame. */
	static final Pattern NUMBER = Pattern
		.compile("[0-9]+(\\.[0-9]+)?(亿元|万元|亿千瓦时|万千瓦时|个百分点|%|家次|家|个|人|件|次|份|起|月份|月|年|日)?");

	@Autowired
	MockMvc mvc;

	/**
	 * The frame of a sentence: what stays when its ordinal (一是), its topic (up to the
	 * first comma) and its numbers are taken away.
	 * "营业收入完成进度滞后，1-5月份完成全年目标的30.00%，落后时序进度11.7个百分点。" and the same about 税金总额 share one
	 * frame.
	 */
	static String frame(String sentence) {
		String s = sentence.replaceFirst("^[一二三四五六七八九十]+是", "");
		int comma = s.indexOf('，');
		s = (comma >= 0) ? s.substring(comma + 1) : s;
		return NUMBER.matcher(s).replaceAll("#").replaceAll("#(-#)+", "#");
	}

	static Map<String, Integer> frames(List<String> paragraphs) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String p : paragraphs) {
			for (String sentence : p.split("。")) {
				String f = frame(sentence.strip());
				if (f.length() >= 6) {
					counts.merge(f, 1, Integer::sum);
				}
			}
		}
		return counts;
	}

	@Test
	void framesAreCountedAcrossTopicsAndNumbers() {
		Map<String, Integer> counts = frames(List.of("一是营业收入完成进度滞后，1-5月份完成全年目标的30.00%，落后时序进度11.7个百分点。",
				"二是税金总额完成进度滞后，1-5月份完成全年目标的25.10%，落后时序进度16.6个百分点。", "三是利润总额同比下降，1-5月份同比下降3.2%。"));
		assertThat(counts).containsEntry("#完成全年目标的#，落后时序进度#", 2).hasSize(2);
	}

	@Test
	void theDemoZonesHalfYearReportRepeatsNoSentenceFrameMoreThanTwice() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String user = api.createUser(admin, TestApi.unique("u-"), List.of("LEADER"), List.of("yunxi"), null);
		String token = api.token(user, TestApi.STRONG_PASSWORD);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		int year = (today.getMonthValue() > 6) ? today.getYear() : today.getYear() - 1;
		MvcResult created = api
			.postJson(token, "/api/v1/reports", Map.of("zoneCode", "yunxi", "kind", "HALF_YEAR", "year", year))
			.andExpect(status().isCreated())
			.andReturn();
		List<String> paragraphs = new ArrayList<>(TestApi.read(created, "$.opening"));
		List<List<String>> sections = TestApi.read(created, "$.sections[*].paragraphs");
		sections.forEach(paragraphs::addAll);
		String text = String.join("\n", paragraphs);

		// the period is over: everything is counted as of its last day
		assertThat((String) TestApi.read(created, "$.asOf")).isEqualTo(year + "-06-30");
		assertThat(text)
			.doesNotContain("截至" + today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
		assertThat(paragraphs).isNotEmpty();

		Map<String, Integer> counts = frames(paragraphs);
		assertThat(counts).as("sentence frames used more than twice in:%n%s", text)
			.allSatisfy((frame, n) -> assertThat(n).as(frame).isLessThanOrEqualTo(2));
		for (String p : paragraphs) {
			for (String sentence : p.split("。")) {
				assertThat(sentence.split("各项工作", -1).length).as(sentence).isLessThanOrEqualTo(2);
			}
		}
		// a target is written one way: never both 15.0% and 15% (an actual same-period
		// growth
		// is always written with its one decimal, "同比增长10.0%", and may meet a 10% target)
		Matcher whole = Pattern.compile("(?<!同比增长|同比下降)(?<![0-9.])([0-9]+)\\.0%").matcher(text);
		while (whole.find()) {
			assertThat(text).as(whole.group()).doesNotContainPattern("(?<![0-9.])" + whole.group(1) + "%");
		}
		// every plan ends with its full stop
		List<String> plans = TestApi.read(created, "$.sections[?(@.key == 'plans')].paragraphs[*]");
		assertThat(plans).isNotEmpty().allSatisfy((p) -> assertThat(p).endsWith("。"));
	}

}
