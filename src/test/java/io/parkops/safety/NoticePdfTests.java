package io.parkops.safety;

import java.util.List;
import java.util.Map;

import io.parkops.OfficeRendering;
import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.TestApi.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notice as it prints: rendered to PDF by LibreOffice, it has the parts of an
 * administrative notice in GB/T 9704-2012 form and its 送达回执 on a page of its own.
 */
@ParkOpsTest
class NoticePdfTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theNoticePrintsWithEveryPartOfAnOfficialNoticeAndItsReceipt() throws Exception {
		OfficeRendering.assumeInstalled();
		SafetyFixture f = new SafetyFixture(this.mvc);
		Map<String, Object> major = SafetyFixture.hazard(f.ent1, "MAJOR", "2024-03-01", "2024-03-31");
		major.put("location", "二号厂房东侧消防通道");
		long h1 = ((Number) TestApi
			.read(f.post(f.staff, "/api/v1/safety/hazards", major).andExpect(status().isCreated()).andReturn(), "$.id"))
			.longValue();
		long h2 = f.createHazard(f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		Number id = TestApi.read(f
			.post(f.staff, "/api/v1/safety/notices",
					Map.of("enterpriseCreditCode", f.ent1, "hazardIds", List.of(h1, h2), "kind", "RECTIFICATION",
							"issuedOn", "2024-03-05", "deadline", "2024-03-25"))
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
		byte[] docx = this.mvc.perform(bearer(f.staff, get("/api/v1/safety/notices/" + id + "/docx")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		OfficeRendering.Pdf pdf = OfficeRendering.render(docx, "notice");

		// the notice on two pages, the receipt on the third
		assertThat(pdf.pages()).hasSize(3);
		String notice = compact(String.join("", pdf.pages().subList(0, 2)));
		String receipt = compact(pdf.pages().get(2));
		String issuer = "Zone" + f.zone + "管理委员会";
		assertThat(notice).startsWith(issuer)
			// 发文字号 with the organ's abbreviation (the zone name's first character and 管安)
			.contains("Z管安〔2024〕1号")
			.contains("安全隐患整改通知书")
			.contains("安全测试一号有限公司：")
			.contains("1.消防通道堵塞。位置：二号厂房东侧消防通道；类别：消防；等级：重大隐患；依据：《中华人民共和国消防法》")
			.doesNotContain("〔消防")
			.contains("于2024年3月25日前整改完毕")
			.contains("书面报告" + issuer)
			.contains("在60日内向上一级人民政府申请行政复议")
			.contains("在6个月内依法向有管辖权的人民法院提起行政诉讼")
			.contains("检查人员：")
			.contains("被检查单位负责人（签名）")
			.contains("（印章）" + issuer + "2024年3月5日")
			.contains("本文书一式两份")
			.contains("—1—")
			.doesNotContain("送达回执");
		assertThat(receipt).startsWith("送达回执")
			.contains("送达文书名称及文号")
			// the table's cells may wrap: the document and its number, whatever the line
			// breaks
			.contains("安全隐患整改通知书（Z管安〔2024〕1")
			.contains("受送达人安全测试一号有限公司")
			.contains("送达方式")
			.contains("□直接送达")
			.contains("送达人（签名）")
			.contains("受送达人（签名或盖章）")
			.contains("年月日");
	}

	private static String compact(String text) {
		return text.replaceAll("\\s+", "");
	}

}
