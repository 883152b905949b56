package io.parkops.land;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parkops.OfficeRendering;
import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The per-mu result notice (亩均效益评价结果告知书) as it prints: rendered by LibreOffice, a D-class
 * 规上 enterprise's notice (the longest: six items, what the next class takes, five
 * policies) fits on one page in official form and lists each policy once.
 */
@ParkOpsTest
class PerMuResultDocxTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theResultNoticeIsOnePageWithEachPolicyOnce() throws Exception {
		OfficeRendering.assumeInstalled();
		LandFixture f = new LandFixture(this.mvc);
		int year = 2013;
		String ent4 = f.enterprise("土地测试四号高端装备制造股份有限公司", f.zone, true);
		String ent5 = f.enterprise("土地测试五号新材料科技研发有限责任公司", f.zone, true);
		// four graded 规上 enterprises and cuts of a quarter each: the last is D
		f.quarterCuts(year);
		Object[][] inputs = { { f.ent1, 3614.55 }, { f.ent2, 1200 }, { ent4, 600 }, { ent5, 100 } };
		int n = 0;
		for (Object[] in : inputs) {
			f.createParcel("MJD-" + (++n), 100, (String) in[0]);
			f.perMuInputs(year, (String) in[0], in[1]);
		}
		long id = f.evaluate(year);
		f.get(f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/results/" + ent5)
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.class").value("D"));
		byte[] docx = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/land/per-mu/evaluations/" + id + "/results/" + ent5 + "/docx")
				.header("Authorization", "Bearer " + f.staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		OfficeRendering.Pdf pdf = OfficeRendering.render(docx, "per-mu-result");

		assertThat(pdf.pages()).hasSize(1);
		String text = pdf.text().replaceAll("\\s+", "");
		assertThat(text).startsWith("Zone")
			.contains("2013年度亩均效益综合评价结果告知书")
			.contains("土地测试五号新材料科技研发有限责任公司：")
			.contains("在4家参评企业中排名第4位，评定为D类")
			.contains("一、分项得分及升级所需（其他指标不变）")
			.contains("升C类需达到")
			.contains("二、对应政策")
			.contains("—1—");
		// each policy of the D class once: the four areas' measures and the further list
		for (String policy : new String[] { "加价0.10元/千瓦时", "超定额用水累进加价100%", "不安排新增用地，列入低效用地整治", "暂停各类奖补",
				"列入帮扶整治名单，限期整改提升" }) {
			assertThat(count(text, policy)).as(policy).isEqualTo(1);
		}
		assertThat(count(text, "差别化电价")).isEqualTo(1);
		// the date under the issuer, on the same page
		assertThat(text).containsPattern("管理委员会\\d{4}年\\d{1,2}月\\d{1,2}日");
	}

	private static int count(String text, String part) {
		Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

}
