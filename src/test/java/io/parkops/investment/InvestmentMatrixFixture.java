package io.parkops.investment;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parkops.MatrixFixture;
import io.parkops.TestApi;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The investment work line's records for the authorization matrix: a lead, a project of
 * the target's enterprise with its schedule, a task force member and a problem, and a
 * building.
 */
public class InvestmentMatrixFixture implements MatrixFixture {

	@Override
	public Map<String, String> create(Context c) throws Exception {
		Map<String, String> ids = new LinkedHashMap<>();
		Map<String, Object> lead = new LinkedHashMap<>();
		lead.put("zoneCode", c.zone());
		lead.put("name", "矩阵线索" + c.enterprise());
		lead.put("investor", "矩阵投资方");
		lead.put("source", "BUSINESS_REFERRAL");
		lead.put("industryCode", "C39");
		lead.put("intendedAmount", 20000);
		lead.put("responsible", "张招商");
		ids.put("leads", id(c, "/api/v1/investment/leads", lead));
		Map<String, Object> project = new LinkedHashMap<>();
		project.put("zoneCode", c.zone());
		project.put("name", "矩阵项目" + c.enterprise());
		project.put("enterpriseCreditCode", c.enterprise());
		project.put("stage", "SIGNED");
		project.put("signedOn", "2024-03-01");
		project.put("contractAmount", 20000);
		project.put("totalInvestment", 20000);
		project.put("fixedAssetInvestment", 16000);
		project.put("fdiUsd", 0);
		project.put("outsideProvince", true);
		project.put("manufacturing", true);
		String projectId = id(c, "/api/v1/projects", project);
		ids.put("projects", projectId);
		c.mvc()
			.perform(TestApi.bearer(c.staffToken(),
					TestApi.withJson(
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders
								.put("/api/v1/projects/" + projectId + "/schedule"),
							Map.of("targetProductionOn", "2026-12-31"))))
			.andExpect(status().isOk());
		ids.put("task-force", id(c, "/api/v1/projects/" + projectId + "/task-force",
				Map.of("name", "矩阵专班长", "department", "招商局", "role", "LEAD", "phone", "13800138000")));
		ids.put("milestones.code", "LAND");
		ids.put("buildings.name", "1号厂房");
		String progress = id(c, "/api/v1/projects/" + projectId + "/buildings/1号厂房/progress",
				Map.of("on", "2024-06-01", "phase", "STRUCTURE", "floorsDone", 1, "floorsTotal", 3));
		ids.put("building-progress", progress);
		ids.put("building-photos",
				TestApi.read(c.mvc()
					.perform(TestApi.bearer(c.staffToken(),
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders
								.multipart("/api/v1/projects/building-progress/" + progress + "/photos")
								.file(new org.springframework.mock.web.MockMultipartFile("file", "site.png",
										"image/png", InvestmentPhotoTests.PNG))))
					.andExpect(status().isCreated())
					.andReturn(), "$.id").toString());
		ids.put("problems", id(c, "/api/v1/projects/" + projectId + "/problems",
				Map.of("category", "LAND", "description", "用地指标未落实", "department", "自然资源局", "deadline", "2026-12-31")));
		return ids;
	}

	static String id(Context c, String path, Object body) throws Exception {
		return TestApi
			.read(c.api().postJson(c.staffToken(), path, body).andExpect(status().isCreated()).andReturn(), "$.id")
			.toString();
	}

}
