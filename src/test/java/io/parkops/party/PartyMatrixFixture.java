package io.parkops.party;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.MatrixFixture;
import io.parkops.TestApi;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The party work line's records for the authorization matrix: the target enterprise's own
 * branch with a member and an applicant, a service team and a volunteer activity, and an
 * instructor assigned to it.
 */
public class PartyMatrixFixture implements MatrixFixture {

	@Override
	public Map<String, String> create(Context c) throws Exception {
		Map<String, String> ids = new LinkedHashMap<>();
		Map<String, Object> branch = new LinkedHashMap<>();
		branch.put("zoneCode", c.zone());
		branch.put("name", "矩阵支部" + c.enterprise());
		branch.put("kind", "BRANCH");
		branch.put("branchType", "OWN");
		branch.put("enterpriseCreditCodes", List.of(c.enterprise()));
		branch.put("foundedOn", "2024-01-10");
		String organisation = id(c, "/api/v1/party/organisations", branch);
		ids.put("organisations", organisation);
		ids.put("organisationId", organisation);
		ids.put("members", id(c, "/api/v1/party/members", Map.of("organisationId", Long.valueOf(organisation), "name",
				"矩阵党员", "gender", "FEMALE", "birthYear", 1988, "status", "PROBATIONARY", "joinedOn", "2024-03-01")));
		ids.put("development", id(c, "/api/v1/party/development",
				Map.of("organisationId", Long.valueOf(organisation), "name", "矩阵申请人", "appliedOn", "2024-03-01")));
		String team = id(c, "/api/v1/party/service-teams", Map.of("zoneCode", c.zone(), "name", "矩阵志愿服务队",
				"organisationId", Long.valueOf(organisation), "foundedOn", "2024-01-10"));
		ids.put("service-teams", team);
		ids.put("activities",
				id(c, "/api/v1/party/activities",
						Map.of("organisationId", Long.valueOf(organisation), "kind", "VOLUNTEER", "on", "2024-03-05",
								"title", "矩阵志愿服务", "serviceTeamId", Long.valueOf(team), "participants", 5)));
		ids.put("instructors", id(c, "/api/v1/party/instructors",
				Map.of("zoneCode", c.zone(), "name", "矩阵指导员", "enterpriseCreditCodes", List.of(c.enterprise()))));
		return ids;
	}

	static String id(Context c, String path, Object body) throws Exception {
		return TestApi
			.read(c.api().postJson(c.staffToken(), path, body).andExpect(status().isCreated()).andReturn(), "$.id")
			.toString();
	}

}
