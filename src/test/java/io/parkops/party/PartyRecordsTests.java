package io.parkops.party;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.withJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Records after they are made: the screening scope by the registry's status on the date,
 * service teams and participant lists of activities, editing members and activities
 * (versioned), and releasing an instructor's assignment with its history kept.
 */
@ParkOpsTest
class PartyRecordsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	PartyFixture f;

	LocalDate today;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new PartyFixture(this.mvc);
		this.today = this.f.today();
	}

	ResultActions putJson(String token, String path, Object body) throws Exception {
		return this.mvc.perform(bearer(token, withJson(put(path), body)));
	}

	@Test
	void scopeTakesTheRegistryStatusOnTheDateNotTheCurrentOne() throws Exception {
		// enterprise 6 halts today: yesterday it was in production and in scope, today
		// not
		this.f
			.post(this.f.admin, "/api/v1/enterprises/" + this.f.ent(6) + "/status-changes",
					Map.of("status", "HALTED", "changedOn", this.today.toString()))
			.andExpect(status().is2xxSuccessful());
		// a building enterprise starts production today: in scope from today only
		String started = this.f.enterprise(this.f.zone, "党建测试新投产企业有限公司", "BUILDING");
		this.f
			.post(this.f.admin, "/api/v1/enterprises/" + started + "/status-changes",
					Map.of("status", "IN_PRODUCTION", "changedOn", this.today.toString()))
			.andExpect(status().is2xxSuccessful());
		long committee = this.f.committee();
		this.f.found("六号企业党支部", "BRANCH", "OWN", committee, List.of(this.f.ent(6)), this.today.minusYears(1));

		this.f.coverage(this.f.staff, this.today.minusDays(1))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprisesInScope", is(6)))
			.andExpect(jsonPath("$.ownBranchEnterprises", is(1)))
			.andExpect(jsonPath("$.coveragePct", is(16.67)));
		this.f.coverage(this.f.staff, this.today)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprisesInScope", is(6)))
			.andExpect(jsonPath("$.ownBranchEnterprises", is(0)))
			.andExpect(jsonPath("$.coveragePct", is(0.00)));
		this.f.get(this.f.staff, "/api/v1/party/screening?zone=" + this.f.zone)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprises[?(@.creditCode == '" + started + "')].status").value("IN_PRODUCTION"))
			.andExpect(jsonPath("$.enterprises[?(@.creditCode == '" + this.f.ent(6) + "')]").isEmpty());
	}

	@Test
	void volunteerActivitiesNameTheirServiceTeamAndActivitiesListTheirParticipants() throws Exception {
		long committee = this.f.committee();
		long branch = this.f.found("联合党支部", "BRANCH", "JOINT", committee, List.of(this.f.ent(1), this.f.ent(2)),
				this.today.minusYears(1));
		long zhang = this.f.member(branch, "张红", "FULL", this.f.ent(1), null);
		long li = this.f.member(branch, "李明", "FULL", this.f.ent(2), null);
		Map<String, Object> team = new LinkedHashMap<>();
		team.put("zoneCode", this.f.zone);
		team.put("name", "党员先锋志愿服务队");
		team.put("organisationId", branch);
		team.put("leader", "张红");
		team.put("foundedOn", this.today.minusMonths(6).toString());
		Number teamId = TestApi.read(this.f.post(this.f.staff, "/api/v1/party/service-teams", team)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name", is("党员先锋志愿服务队")))
			.andExpect(jsonPath("$.active", is(true)))
			.andReturn(), "$.id");

		Map<String, Object> activity = new LinkedHashMap<>();
		activity.put("organisationId", branch);
		activity.put("kind", "VOLUNTEER");
		activity.put("on", this.today.minusDays(3).toString());
		activity.put("title", "园区道路清扫志愿服务");
		activity.put("serviceTeamId", teamId);
		activity.put("participantMemberIds", List.of(zhang, li));
		activity.put("participantNames", List.of("王群众"));
		Number id = TestApi.read(this.f.post(this.f.staff, "/api/v1/party/activities", activity)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.participants", is(3)))
			.andExpect(jsonPath("$.serviceTeamName", is("党员先锋志愿服务队")))
			.andExpect(jsonPath("$.participantList.length()", is(3)))
			.andExpect(jsonPath("$.participantList[0].name", is("张红")))
			.andExpect(jsonPath("$.participantList[2].memberId", nullValue()))
			.andReturn(), "$.id");
		this.f.get(this.f.staff, "/api/v1/party/service-teams?zone=" + this.f.zone)
			.andExpect(jsonPath("$[0].activities", is(1)))
			.andExpect(jsonPath("$[0].participants", is(3)));
		this.f.get(this.f.leader, "/api/v1/party/activities?zone=" + this.f.zone)
			.andExpect(jsonPath("$.items[0].participantList.length()", is(3)));

		// a team only for volunteer work; fewer participants than listed; a member of
		// another zone
		Map<String, Object> wrong = new LinkedHashMap<>(activity);
		wrong.put("kind", "THEME_DAY");
		this.f.post(this.f.staff, "/api/v1/party/activities", wrong)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("serviceTeamId")));
		wrong = new LinkedHashMap<>(activity);
		wrong.put("participants", 2);
		this.f.post(this.f.staff, "/api/v1/party/activities", wrong)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("participants")));
		wrong = new LinkedHashMap<>(activity);
		wrong.put("participantMemberIds", List.of(zhang, 987_654_321L));
		this.f.post(this.f.staff, "/api/v1/party/activities", wrong)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("participantMemberIds")));

		// editing: version 0 wins, the list is replaced; the same version again → 409
		Map<String, Object> edit = new LinkedHashMap<>(activity);
		edit.remove("organisationId");
		edit.put("title", "园区道路清扫志愿服务（二）");
		edit.put("participantMemberIds", List.of(li));
		edit.put("participantNames", List.of());
		edit.put("participants", 12);
		edit.put("version", 0);
		putJson(this.f.staff, "/api/v1/party/activities/" + id, edit).andExpect(status().isOk())
			.andExpect(jsonPath("$.title", is("园区道路清扫志愿服务（二）")))
			.andExpect(jsonPath("$.participants", is(12)))
			.andExpect(jsonPath("$.participantList.length()", is(1)))
			.andExpect(jsonPath("$.version", is(1)));
		putJson(this.f.staff, "/api/v1/party/activities/" + id, edit).andExpect(status().isConflict());
		// leaders read, do not edit; staff of another zone reach nothing
		putJson(this.f.leader, "/api/v1/party/activities/" + id, edit).andExpect(status().isForbidden());
		this.f.get(this.f.otherStaff, "/api/v1/party/activities/" + id).andExpect(status().isForbidden());
		this.f.get(this.f.entUser, "/api/v1/party/service-teams?zone=" + this.f.zone).andExpect(status().isForbidden());

		// disbanding the team: no volunteer activity names it after that day
		putJson(this.f.staff, "/api/v1/party/service-teams/" + teamId,
				Map.of("name", "党员先锋志愿服务队", "disbandedOn", this.today.minusDays(1).toString(), "version", 0))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active", is(false)));
		Map<String, Object> late = new LinkedHashMap<>(activity);
		late.put("on", this.today.toString());
		this.f.post(this.f.staff, "/api/v1/party/activities", late)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("serviceTeamId")));
	}

	@Test
	void aMembersRecordIsCorrectedWithItsVersionAndThePhoneStaysEncrypted() throws Exception {
		long committee = this.f.committee();
		long branch = this.f.found("一号企业党支部", "BRANCH", "OWN", committee, List.of(this.f.ent(1)),
				this.today.minusYears(1));
		long id = this.f.member(branch, "赵刚", "FULL", this.f.ent(1), "13812345678");
		Map<String, Object> edit = new LinkedHashMap<>();
		edit.put("name", "赵钢");
		edit.put("gender", "MALE");
		edit.put("birthYear", 1986);
		edit.put("joinedOn", "2016-07-01");
		edit.put("enterpriseCreditCode", this.f.ent(1));
		edit.put("version", 0);
		// no phone given: the stored one is kept
		putJson(this.f.staff, "/api/v1/party/members/" + id, edit).andExpect(status().isOk())
			.andExpect(jsonPath("$.name", is("赵钢")))
			.andExpect(jsonPath("$.birthYear", is(1986)))
			.andExpect(jsonPath("$.phone", is("138****5678")));
		putJson(this.f.staff, "/api/v1/party/members/" + id, edit).andExpect(status().isConflict());
		edit.put("version", 1);
		edit.put("phone", "13998765432");
		putJson(this.f.staff, "/api/v1/party/members/" + id, edit).andExpect(status().isOk());
		this.f.get(this.f.staff, "/api/v1/party/members/" + id).andExpect(jsonPath("$.phone", is("13998765432")));
		byte[] stored = this.jdbc.sql("SELECT phone_cipher FROM party_member WHERE id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("13998765432")
			.doesNotContain("8765432");
		edit.put("version", 2);
		edit.remove("phone");
		edit.put("removePhone", true);
		putJson(this.f.staff, "/api/v1/party/members/" + id, edit).andExpect(status().isOk())
			.andExpect(jsonPath("$.phone", nullValue()));
		// bad input on its field; a leader may not edit; an enterprise user reaches
		// nothing
		edit.put("version", 3);
		edit.put("birthYear", 1700);
		putJson(this.f.staff, "/api/v1/party/members/" + id, edit).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("birthYear")));
		putJson(this.f.leader, "/api/v1/party/members/" + id, edit).andExpect(status().isForbidden());
		putJson(this.f.entUser, "/api/v1/party/members/" + id, edit).andExpect(status().isForbidden());
	}

	@Test
	void releasingAnInstructorsAssignmentEndsItsWorkCoverageAndKeepsTheHistory() throws Exception {
		Number id = TestApi.read(this.f
			.post(this.f.staff, "/api/v1/party/instructors",
					Map.of("zoneCode", this.f.zone, "name", "周指导", "enterpriseCreditCodes",
							List.of(this.f.ent(1), this.f.ent(2)), "assignedOn", this.today.minusMonths(2).toString()))
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
		this.f.coverage(this.f.staff, null).andExpect(jsonPath("$.instructorEnterprises", is(2)));
		String path = "/api/v1/party/instructors/" + id;
		this.f
			.post(this.f.staff, path + "/release",
					Map.of("enterpriseCreditCode", this.f.ent(1), "on", this.today.minusDays(5).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprises.length()", is(1)))
			.andExpect(jsonPath("$.history.length()", is(2)))
			.andExpect(jsonPath("$.history[?(@.creditCode == '" + this.f.ent(1) + "')].releasedOn")
				.value(this.today.minusDays(5).toString()));
		// as of today only one enterprise is reached; a week ago both were
		this.f.coverage(this.f.staff, null).andExpect(jsonPath("$.instructorEnterprises", is(1)));
		this.f.coverage(this.f.staff, this.today.minusDays(7)).andExpect(jsonPath("$.instructorEnterprises", is(2)));
		// a second release → 409; before the assignment → 400; an unknown enterprise →
		// 409
		this.f
			.post(this.f.staff, path + "/release",
					Map.of("enterpriseCreditCode", this.f.ent(1), "on", this.today.toString()))
			.andExpect(status().isConflict());
		this.f
			.post(this.f.staff, path + "/release",
					Map.of("enterpriseCreditCode", this.f.ent(2), "on", this.today.minusYears(1).toString()))
			.andExpect(status().isBadRequest());
		this.f.post(this.f.staff, path + "/release", Map.of("on", this.today.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("enterpriseCreditCode")));
		// assigned again: a new assignment, the old one stays in the history
		this.f.post(this.f.staff, path + "/assignments", Map.of("enterpriseCreditCode", this.f.ent(1)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprises.length()", is(2)))
			.andExpect(jsonPath("$.history.length()", is(3)));
		this.f.post(this.f.staff, path + "/assignments", Map.of("enterpriseCreditCode", this.f.ent(1)))
			.andExpect(status().isConflict());
		this.f.post(this.f.staff, path + "/assignments", Map.of("enterpriseCreditCode", this.f.otherZoneEnterprise))
			.andExpect(status().isBadRequest());
		this.f
			.post(this.f.leader, path + "/release",
					Map.of("enterpriseCreditCode", this.f.ent(2), "on", this.today.toString()))
			.andExpect(status().isForbidden());
		this.f
			.post(this.f.otherStaff, path + "/release",
					Map.of("enterpriseCreditCode", this.f.ent(2), "on", this.today.toString()))
			.andExpect(status().isForbidden());
	}

}
