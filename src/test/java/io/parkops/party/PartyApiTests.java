package io.parkops.party;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The party API: organisations with their history, coverage for any date, screening,
 * members' data minimisation and encryption, permissions and bad input.
 */
@ParkOpsTest
class PartyApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	PartyFixture f;

	LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

	@BeforeEach
	void setUp() throws Exception {
		this.f = new PartyFixture(this.mvc);
	}

	@Test
	void coverageCountsOwnJointAndInstructorEnterprisesOfTheRegistry() throws Exception {
		long committee = this.f.committee();
		this.f.found("一号企业党支部", "BRANCH", "OWN", committee, List.of(this.f.ent(1)), this.today.minusYears(1));
		this.f.found("联合党支部", "BRANCH", "JOINT", committee, List.of(this.f.ent(2), this.f.ent(3)),
				this.today.minusMonths(6));
		this.f.found("机关党支部", "BRANCH", "ORGAN", committee, List.of(), this.today.minusYears(2));
		this.f
			.post(this.f.staff, "/api/v1/party/instructors",
					Map.of("zoneCode", this.f.zone, "name", "李指导", "enterpriseCreditCodes", List.of(this.f.ent(4))))
			.andExpect(status().isCreated());
		// the halted enterprise is out of scope even with a branch
		this.f.found("停产企业党支部", "BRANCH", "OWN", committee, List.of(this.f.halted), this.today.minusYears(1));

		this.f.coverage(this.f.staff, null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.asOf", is(this.today.toString())))
			.andExpect(jsonPath("$.enterprisesInScope", is(6)))
			.andExpect(jsonPath("$.ownBranchEnterprises", is(1)))
			.andExpect(jsonPath("$.jointBranchEnterprises", is(2)))
			.andExpect(jsonPath("$.coveredEnterprises", is(3)))
			.andExpect(jsonPath("$.coveragePct", is(50.00)))
			.andExpect(jsonPath("$.ownRatePct", is(16.67)))
			.andExpect(jsonPath("$.workCoveragePct", is(66.67)))
			.andExpect(jsonPath("$.organisations.branches", is(4)))
			.andExpect(jsonPath("$.organisations.byType.OWN", is(2)))
			.andExpect(jsonPath("$.organisations.byType.JOINT", is(1)))
			.andExpect(jsonPath("$.organisations.byType.ORGAN", is(1)))
			.andExpect(jsonPath("$.members.total", is(0)))
			.andExpect(jsonPath("$.members.probationary", is(0)))
			.andExpect(jsonPath("$.shouldBuild.length()", is(0)));
		// a leader reads the same
		this.f.coverage(this.f.leader, null).andExpect(status().isOk()).andExpect(jsonPath("$.coveragePct", is(50.00)));
	}

	@Test
	void anOwnBranchWithOtherThanOneEnterpriseIsRefused() throws Exception {
		for (List<String> codes : List.of(List.<String>of(), List.of(this.f.ent(1), this.f.ent(2)))) {
			this.f
				.post(this.f.staff, "/api/v1/party/organisations",
						PartyFixture.organisation(this.f.zone, "单建支部", "BRANCH", "OWN", null, codes, this.today))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem("enterpriseCreditCodes")));
		}
		Map<String, Object> noCodes = PartyFixture.organisation(this.f.zone, "单建支部", "BRANCH", "OWN", null, null,
				this.today);
		this.f.post(this.f.staff, "/api/v1/party/organisations", noCodes).andExpect(status().isBadRequest());
		// a branch needs its type, a committee has none; unknown vocabularies
		this.f
			.post(this.f.staff, "/api/v1/party/organisations",
					PartyFixture.organisation(this.f.zone, "支部", "BRANCH", null, null, List.of(), this.today))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("branchType")));
		this.f
			.post(this.f.staff, "/api/v1/party/organisations",
					PartyFixture.organisation(this.f.zone, "党委", "GENERAL_COMMITTEE", "OWN", null, List.of(),
							this.today))
			.andExpect(status().isBadRequest());
		this.f
			.post(this.f.staff, "/api/v1/party/organisations",
					PartyFixture.organisation(this.f.zone, "支部", "CELL", "OWN", null, List.of(this.f.ent(1)),
							this.today))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
		// an enterprise of another zone, a founding date in the future
		this.f
			.post(this.f.staff, "/api/v1/party/organisations",
					PartyFixture.organisation(this.f.zone, "支部", "BRANCH", "OWN", null,
							List.of(this.f.otherZoneEnterprise), this.today))
			.andExpect(status().isBadRequest());
		this.f
			.post(this.f.staff, "/api/v1/party/organisations",
					PartyFixture.organisation(this.f.zone, "支部", "BRANCH", "OWN", null, List.of(this.f.ent(1)),
							this.today.plusDays(3)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("foundedOn")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM party_organisation WHERE zone_code = :z")
			.param("z", this.f.zone)
			.query(Long.class)
			.single()).isZero();
		// a second own branch for the same enterprise is a conflict
		this.f.found("单建支部", "BRANCH", "OWN", null, List.of(this.f.ent(1)), this.today.minusDays(10));
		this.f
			.post(this.f.staff, "/api/v1/party/organisations",
					PartyFixture.organisation(this.f.zone, "又一个", "BRANCH", "OWN", null, List.of(this.f.ent(1)),
							this.today))
			.andExpect(status().isConflict());
	}

	@Test
	void aBranchDissolvedLastMonthNoLongerCountsButDidBefore() throws Exception {
		long branch = this.f.found("将撤销的支部", "BRANCH", "OWN", null, List.of(this.f.ent(1)), this.today.minusMonths(3));
		this.f
			.post(this.f.staff, "/api/v1/party/organisations/" + branch + "/dissolution",
					Map.of("on", this.today.minusMonths(1).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active", is(false)))
			.andExpect(jsonPath("$.endReason", is("DISSOLVED")));
		this.f.coverage(this.f.staff, null)
			.andExpect(jsonPath("$.ownBranchEnterprises", is(0)))
			.andExpect(jsonPath("$.coveragePct", is(0.00)))
			.andExpect(jsonPath("$.organisations.branches", is(0)));
		this.f.coverage(this.f.staff, this.today.minusMonths(2))
			.andExpect(jsonPath("$.ownBranchEnterprises", is(1)))
			.andExpect(jsonPath("$.coveragePct", is(16.67)))
			.andExpect(jsonPath("$.organisations.byType.OWN", is(1)));
		this.f.coverage(this.f.staff, this.today.minusMonths(4)).andExpect(jsonPath("$.ownBranchEnterprises", is(0)));
		// dissolving twice is refused; before the founding date is bad input
		this.f
			.post(this.f.staff, "/api/v1/party/organisations/" + branch + "/dissolution",
					Map.of("on", this.today.toString()))
			.andExpect(status().isConflict());
		long other = this.f.found("另一支部", "BRANCH", "OWN", null, List.of(this.f.ent(2)), this.today.minusDays(5));
		this.f
			.post(this.f.staff, "/api/v1/party/organisations/" + other + "/dissolution",
					Map.of("on", this.today.minusDays(10).toString()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aMergedBranchHandsOverItsEnterprisesAndMembersFromTheDate() throws Exception {
		LocalDate merged = this.today.minusDays(20);
		long a = this.f.found("联合一支部", "BRANCH", "JOINT", null, List.of(this.f.ent(1), this.f.ent(2)),
				this.today.minusYears(1));
		long b = this.f.found("联合二支部", "BRANCH", "JOINT", null, List.of(this.f.ent(3), this.f.ent(4)),
				this.today.minusYears(1));
		this.f.member(a, "王一", "FULL", this.f.ent(1), null);
		this.f
			.post(this.f.staff, "/api/v1/party/organisations/" + a + "/merger",
					Map.of("intoId", b, "on", merged.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.endReason", is("MERGED")))
			.andExpect(jsonPath("$.mergedIntoId", is((int) b)));
		this.f.get(this.f.staff, "/api/v1/party/organisations/" + b)
			.andExpect(jsonPath("$.enterprises.length()", is(4)))
			.andExpect(jsonPath("$.members", is(1)));
		this.f.coverage(this.f.staff, null)
			.andExpect(jsonPath("$.jointBranchEnterprises", is(4)))
			.andExpect(jsonPath("$.organisations.branches", is(1)));
		this.f.coverage(this.f.staff, merged.minusDays(1))
			.andExpect(jsonPath("$.jointBranchEnterprises", is(4)))
			.andExpect(jsonPath("$.organisations.branches", is(2)));
		this.f
			.post(this.f.staff, "/api/v1/party/organisations/" + a + "/merger",
					Map.of("intoId", b, "on", this.today.toString()))
			.andExpect(status().isConflict());
	}

	@Test
	void screeningListsShouldBuildAndMembersWithoutCoverage() throws Exception {
		long regional = this.f.found("区域党支部", "BRANCH", "REGIONAL", null, List.of(), this.today.minusYears(1));
		for (int i = 0; i < 3; i++) {
			this.f.member(regional, "五号党员" + i, "FULL", this.f.ent(5), null);
		}
		this.f.member(regional, "六号党员甲", "FULL", this.f.ent(6), null);
		this.f.member(regional, "六号党员乙", "FULL", this.f.ent(6), null);
		this.f.member(regional, "六号党员丙", "PROBATIONARY", this.f.ent(6), null);

		this.f.get(this.f.staff, "/api/v1/party/screening?zone=" + this.f.zone)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprises.length()", is(6)))
			.andExpect(jsonPath("$.shouldBuild.length()", is(1)))
			.andExpect(jsonPath("$.shouldBuild[0].creditCode", is(this.f.ent(5))))
			.andExpect(jsonPath("$.uncoveredWithMembers.length()", is(2)));
		this.f.coverage(this.f.staff, null)
			.andExpect(jsonPath("$.shouldBuild.length()", is(1)))
			.andExpect(jsonPath("$.shouldBuild[0].creditCode", is(this.f.ent(5))))
			.andExpect(jsonPath("$.shouldBuild[0].name", is("党建测试企业5有限公司")))
			.andExpect(jsonPath("$.shouldBuild[0].members", is(3)))
			.andExpect(jsonPath("$.members.total", is(6)))
			.andExpect(jsonPath("$.members.probationary", is(1)));
		// once it has its own branch it is no longer 应建未建
		this.f.found("五号企业党支部", "BRANCH", "OWN", null, List.of(this.f.ent(5)), this.today);
		this.f.coverage(this.f.staff, null)
			.andExpect(jsonPath("$.shouldBuild.length()", is(0)))
			.andExpect(jsonPath("$.ownBranchEnterprises", is(1)));
		this.f.coverage(this.f.staff, this.today.minusDays(1)).andExpect(jsonPath("$.shouldBuild.length()", is(1)));
	}

	@Test
	void membersCarryNoIdNumberAndThePhoneIsEncryptedAtRest() throws Exception {
		long branch = this.f.found("加密测试支部", "BRANCH", "OWN", null, List.of(this.f.ent(1)), this.today);
		long id = this.f.member(branch, "张加密", "PROBATIONARY", this.f.ent(1), "13812345678");
		byte[] stored = this.jdbc.sql("SELECT phone_cipher FROM party_member WHERE id = :id")
			.param("id", id)
			.query(byte[].class)
			.single();
		assertThat(stored).isNotNull();
		String raw = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(raw).doesNotContain("13812345678").doesNotContain("12345678").doesNotContain("5678");
		String hex = java.util.HexFormat.of().formatHex(stored);
		assertThat(hex).doesNotContain(java.util.HexFormat.of().formatHex("12345678".getBytes()));
		// no column holds the number in plain text
		Long plain = this.jdbc.sql("SELECT count(*) FROM party_member m WHERE m::text LIKE '%12345678%'")
			.query(Long.class)
			.single();
		assertThat(plain).isZero();
		// the table has no ID number column at all
		List<String> columns = this.jdbc
			.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'party_member'")
			.query(String.class)
			.list();
		assertThat(columns).noneMatch((c) -> c.contains("id_number") || c.contains("identity") || c.contains("idcard"));
		// lists mask it, the member's own record shows it
		this.f.get(this.f.staff, "/api/v1/party/members?zone=" + this.f.zone)
			.andExpect(jsonPath("$.items[0].phone", is("138****5678")))
			.andExpect(jsonPath("$.items[0].idNumber").doesNotExist());
		this.f.get(this.f.staff, "/api/v1/party/members/" + id).andExpect(jsonPath("$.phone", is("13812345678")));
		// a bad phone is refused
		Map<String, Object> bad = new HashMap<>(Map.of("organisationId", branch, "name", "李", "gender", "FEMALE",
				"birthYear", 1990, "status", "FULL", "joinedOn", "2020-07-01", "phone", "call me"));
		this.f.post(this.f.staff, "/api/v1/party/members", bad)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("phone")));
	}

	@Test
	void memberStepsAndTheDevelopmentPipelineRefuseStepsOutOfOrder() throws Exception {
		long branch = this.f.found("转正测试支部", "BRANCH", "OWN", null, List.of(this.f.ent(2)), this.today);
		long id = this.f.member(branch, "赵预备", "PROBATIONARY", null, null);
		this.f.post(this.f.staff, "/api/v1/party/members/" + id + "/confirmation", Map.of("on", this.today.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status", is("FULL")));
		this.f.post(this.f.staff, "/api/v1/party/members/" + id + "/confirmation", Map.of("on", this.today.toString()))
			.andExpect(status().isConflict());
		this.f
			.post(this.f.staff, "/api/v1/party/members/" + id + "/move-out",
					Map.of("on", this.today.toString(), "to", "外区党委"))
			.andExpect(status().isOk());
		this.f
			.post(this.f.staff, "/api/v1/party/members/" + id + "/move-out",
					Map.of("on", this.today.toString(), "to", "外区党委"))
			.andExpect(status().isConflict());

		Number dev = TestApi
			.read(this.f
				.post(this.f.staff, "/api/v1/party/development",
						Map.of("organisationId", branch, "name", "钱申请", "appliedOn",
								this.today.minusMonths(6).toString()))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.stage", is("APPLICANT")))
				.andReturn(), "$.id");
		this.f
			.post(this.f.staff, "/api/v1/party/development/" + dev + "/advance",
					Map.of("stage", "CANDIDATE", "on", this.today.toString()))
			.andExpect(status().isConflict());
		this.f
			.post(this.f.staff, "/api/v1/party/development/" + dev + "/advance",
					Map.of("stage", "ACTIVIST", "on", this.today.minusMonths(3).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage", is("ACTIVIST")));
		this.f
			.get(this.f.staff,
					"/api/v1/party/development/counts?zone=" + this.f.zone + "&from=" + this.today.minusYears(1)
							+ "&to=" + this.today)
			.andExpect(jsonPath("$.entered.APPLICANT", is(1)))
			.andExpect(jsonPath("$.entered.ACTIVIST", is(1)))
			.andExpect(jsonPath("$.current.ACTIVIST", is(1)));
	}

	@Test
	void instructorVisitsKeepTheRhythmAndActivitiesAreRecorded() throws Exception {
		Number instructor = TestApi.read(this.f
			.post(this.f.staff, "/api/v1/party/instructors",
					Map.of("zoneCode", this.f.zone, "name", "周指导", "enterpriseCreditCodes",
							List.of(this.f.ent(3), this.f.ent(4)), "assignedOn", this.today.minusDays(40).toString()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.overdue", is(2)))
			.andReturn(), "$.id");
		this.f
			.post(this.f.staff, "/api/v1/party/instructor-visits",
					Map.of("instructorId", instructor, "enterpriseCreditCode", this.f.ent(3), "on",
							this.today.minusDays(2).toString(), "notes", "宣讲党的政策，摸排党员情况"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.enterpriseName", is("党建测试企业3有限公司")));
		this.f.get(this.f.staff, "/api/v1/party/instructors/" + instructor)
			.andExpect(jsonPath("$.overdue", is(1)))
			.andExpect(jsonPath("$.enterprises[?(@.creditCode == '" + this.f.ent(3) + "')].overdue", hasItem(false)));
		this.f.coverage(this.f.staff, null).andExpect(jsonPath("$.workCoveragePct", is(33.33)));
		// the visit is on the enterprise's timeline
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM enterprise_event ev JOIN enterprise e ON e.id = ev.enterprise_id WHERE e.credit_code = :c AND ev.module = 'party'")
			.param("c", this.f.ent(3))
			.query(Long.class)
			.single()).isEqualTo(1);

		long branch = this.f.found("活动支部", "BRANCH", "JOINT", null, List.of(this.f.ent(1), this.f.ent(2)),
				this.today.minusYears(1));
		this.f
			.post(this.f.staff, "/api/v1/party/activities",
					Map.of("organisationId", branch, "kind", "THEME_DAY", "on", this.today.minusDays(3).toString(),
							"title", "主题党日：重温入党誓词", "participants", 18))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.participants", is(18)));
		this.f
			.post(this.f.staff, "/api/v1/party/activities",
					Map.of("organisationId", branch, "kind", "PICNIC", "on", this.today.toString(), "title", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
		this.f.get(this.f.staff, "/api/v1/party/activities?zone=" + this.f.zone).andExpect(jsonPath("$.total", is(1)));
		// dues: first entry without version, a change with it, a stale one 409
		String month = java.time.YearMonth.from(this.today).toString();
		this.mvc
			.perform(TestApi.bearer(this.f.staff,
					TestApi.withJson(
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders
								.put("/api/v1/party/dues/" + branch + "/" + month),
							Map.of("collected", 1200.5, "returned", 0))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version", is(0)));
		this.mvc
			.perform(TestApi.bearer(this.f.staff,
					TestApi.withJson(
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders
								.put("/api/v1/party/dues/" + branch + "/" + month),
							Map.of("collected", 1300, "returned", 100, "version", 0))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version", is(1)));
		this.mvc
			.perform(TestApi.bearer(this.f.staff,
					TestApi.withJson(
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders
								.put("/api/v1/party/dues/" + branch + "/" + month),
							Map.of("collected", 1400, "returned", 100, "version", 0))))
			.andExpect(status().isConflict());
	}

	@Test
	void partyStaffAndLeadersOnlyAndNeverAnotherZone() throws Exception {
		long branch = this.f.found("权限测试支部", "BRANCH", "OWN", null, List.of(this.f.ent(1)), this.today);
		long member = this.f.member(branch, "孙权限", "FULL", this.f.ent(1), "13900001111");
		// an enterprise user: nothing, not even its own enterprise's members
		for (String path : List.of("/api/v1/party/coverage?zone=" + this.f.zone,
				"/api/v1/party/members?zone=" + this.f.zone, "/api/v1/party/members/" + member,
				"/api/v1/party/organisations?zone=" + this.f.zone, "/api/v1/party/organisations/" + branch,
				"/api/v1/party/screening?zone=" + this.f.zone, "/api/v1/party/instructors?zone=" + this.f.zone)) {
			this.f.get(this.f.entUser, path).andExpect(status().isForbidden());
			this.f.get(this.f.economy, path).andExpect(status().isForbidden());
			this.f.get(this.f.otherStaff, path).andExpect(status().isForbidden());
			this.f.get(this.f.leader, path).andExpect(status().isOk());
		}
		// leaders read, they do not write
		this.f
			.post(this.f.leader, "/api/v1/party/organisations",
					PartyFixture.organisation(this.f.zone, "领导建的", "BRANCH", "OWN", null, List.of(this.f.ent(2)),
							this.f.today()))
			.andExpect(status().isForbidden());
		this.f
			.post(this.f.entUser, "/api/v1/party/members", Map.of("organisationId", branch, "name", "x", "gender",
					"MALE", "birthYear", 1990, "status", "FULL", "joinedOn", "2020-01-01"))
			.andExpect(status().isForbidden());
		// party staff of another zone cannot write into this one
		this.f
			.post(this.f.otherStaff, "/api/v1/party/organisations",
					PartyFixture.organisation(this.f.zone, "越权", "BRANCH", "OWN", null, List.of(this.f.ent(2)),
							this.f.today()))
			.andExpect(status().isForbidden());
		this.f
			.post(this.f.otherStaff, "/api/v1/party/members", Map.of("organisationId", branch, "name", "x", "gender",
					"MALE", "birthYear", 1990, "status", "FULL", "joinedOn", "2020-01-01"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT count(*) FROM party_member WHERE organisation_id = :o")
			.param("o", branch)
			.query(Long.class)
			.single()).isEqualTo(1);
		// a zone is required, an unknown one is not found, a bad date is bad input
		this.f.get(this.f.staff, "/api/v1/party/coverage").andExpect(status().isBadRequest());
		this.f.get(this.f.staff, "/api/v1/party/coverage?zone=no-such-zone").andExpect(status().isNotFound());
		this.f.get(this.f.staff, "/api/v1/party/coverage?zone=" + this.f.zone + "&asOf=2024-02-30")
			.andExpect(status().isBadRequest());
	}

	@Test
	void badMemberInputIsRefusedAndNothingStored() throws Exception {
		long branch = this.f.found("坏输入支部", "BRANCH", "OWN", null, List.of(this.f.ent(1)), this.today);
		List<Map<String, Object>> bodies = List.of(
				Map.of("organisationId", branch, "name", "甲", "gender", "MALE", "birthYear", 3000, "status", "FULL",
						"joinedOn", "2020-01-01"),
				Map.of("organisationId", branch, "name", "甲", "gender", "X", "birthYear", 1980, "status", "FULL",
						"joinedOn", "2020-01-01"),
				Map.of("organisationId", branch, "name", "甲", "gender", "MALE", "birthYear", 1980, "status", "MEMBER",
						"joinedOn", "2020-01-01"),
				Map.of("organisationId", branch, "name", "甲".repeat(51), "gender", "MALE", "birthYear", 1980, "status",
						"FULL", "joinedOn", "2020-01-01"),
				Map.of("organisationId", branch, "name", "甲", "gender", "MALE", "birthYear", 1980, "status", "FULL",
						"joinedOn", "2099-01-01"),
				Map.of("organisationId", 999999999, "name", "甲", "gender", "MALE", "birthYear", 1980, "status", "FULL",
						"joinedOn", "2020-01-01"));
		for (Map<String, Object> body : bodies) {
			this.f.post(this.f.staff, "/api/v1/party/members", body).andExpect(status().isBadRequest());
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM party_member WHERE organisation_id = :o")
			.param("o", branch)
			.query(Long.class)
			.single()).isZero();
		this.f.get(this.f.staff, "/api/v1/party/organisations/" + branch)
			.andExpect(jsonPath("$.members", is(0)))
			.andExpect(jsonPath("$.secretary", nullValue()))
			.andExpect(jsonPath("$.termYears", not(is(0))));
	}

}
