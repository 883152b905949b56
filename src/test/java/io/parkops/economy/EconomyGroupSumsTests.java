package io.parkops.economy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.TestApi.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The summary computes the 规上 set and its sums by group in one statement; on the demo
 * zone its groups (by industry, area and industry chain, with and without an area or
 * industry filter) and its whole hold exactly the sums of the set's enterprises as the
 * ranking lists them one by one (computed apart, per enterprise), each enterprise in its
 * groups and once in the whole; a repeated request (kept sums) answers the same.
 */
@ParkOpsTest
class EconomyGroupSumsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String ZONE = "yunxi";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	String admin;

	String year;

	String month;

	@BeforeEach
	void setUp() throws Exception {
		this.admin = new TestApi(this.mvc).adminToken();
		String latest = TestApi
			.read(this.mvc.perform(bearer(this.admin, get("/api/v1/economy/latest-month").param("zone", ZONE)))
				.andExpect(status().isOk())
				.andReturn(), "$.month");
		this.year = latest.substring(0, 4);
		this.month = Integer.toString(Integer.parseInt(latest.substring(5)));
	}

	/** One enterprise of the set as the ranking lists it. */
	record Row(String creditCode, String area, String industry, List<String> tags, BigDecimal current,
			BigDecimal base) {
	}

	JsonNode answer(String path, String... params) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
			.param("zone", ZONE)
			.param("year", this.year)
			.param("month", this.month);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return JSON.readTree(this.mvc.perform(bearer(this.admin, request))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	List<Row> rows(String indicator) throws Exception {
		Map<String, List<String>> tags = new HashMap<>();
		this.jdbc.query("SELECT credit_code, tags FROM enterprise WHERE zone_code = ?", (rs) -> {
			tags.put(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()));
		}, ZONE);
		List<Row> rows = new ArrayList<>();
		for (JsonNode r : answer("/api/v1/economy/ranking", "indicator", indicator, "limit", "1000")) {
			String code = r.get("creditCode").asString();
			rows.add(new Row(code, text(r, "areaCode"), text(r, "industryCode"), tags.get(code),
					decimal(r.get("current")), decimal(r.get("base"))));
		}
		return rows;
	}

	static BigDecimal decimal(JsonNode node) {
		return (node == null || node.isNull()) ? BigDecimal.ZERO : node.decimalValue();
	}

	static String text(JsonNode node, String field) {
		return (node.get(field) == null || node.get(field).isNull()) ? null : node.get(field).asString();
	}

	@Test
	void groupsAndWholeAreTheSumsOfTheSetsEnterprises() throws Exception {
		for (String indicator : List.of("output", "tax", "revenue")) {
			List<Row> all = rows(indicator);
			assertThat(all).hasSizeGreaterThan(20);
			check(indicator, all, "industry", (r) -> List.of((r.industry() != null) ? r.industry() : "-"));
			check(indicator, all, "area", (r) -> List.of((r.area() != null) ? r.area() : "-"));
			check(indicator, all, "chain", Row::tags);
			List<Row> east = all.stream().filter((r) -> "east".equals(r.area())).toList();
			assertThat(east).isNotEmpty().hasSizeLessThan(all.size());
			check(indicator, east, "industry", (r) -> List.of((r.industry() != null) ? r.industry() : "-"), "area",
					"east");
			List<Row> manufacturing = all.stream()
				.filter((r) -> r.industry() != null && r.industry().startsWith("C"))
				.toList();
			assertThat(manufacturing).isNotEmpty();
			check(indicator, manufacturing, "area", (r) -> List.of((r.area() != null) ? r.area() : "-"), "industry",
					"C");
		}
	}

	private void check(String indicator, List<Row> set, String groupBy, Function<Row, List<String>> keys,
			String... filter) throws Exception {
		List<String> params = new ArrayList<>(List.of("groupBy", groupBy));
		params.addAll(List.of(filter));
		JsonNode summary = answer("/api/v1/economy/summary", params.toArray(String[]::new));
		// asked again, from the kept sums: the same
		assertThat(answer("/api/v1/economy/summary", params.toArray(String[]::new))).isEqualTo(summary);
		String what = indicator + " by " + groupBy + " " + List.of(filter);
		assertThat(summary.get("enterpriseCount").asInt()).as(what).isEqualTo(set.size());
		JsonNode whole = find(summary.get("indicators"), "code", indicator);
		assertThat(decimal(whole.get("current"))).as(what).isEqualByComparingTo(sum(set, Row::current));
		assertThat(decimal(whole.get("base"))).as(what).isEqualByComparingTo(sum(set, Row::base));
		Map<String, List<Row>> byKey = new HashMap<>();
		for (Row r : set) {
			for (String key : keys.apply(r)) {
				byKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(r);
			}
		}
		assertThat(summary.get("groups").size()).as(what).isEqualTo(byKey.size());
		for (JsonNode group : summary.get("groups")) {
			List<Row> members = byKey.get(group.get("key").asString());
			assertThat(members).as(what + " " + group.get("key")).isNotNull();
			assertThat(group.get("enterpriseCount").asInt()).as(what).isEqualTo(members.size());
			JsonNode figure = find(group.get("indicators"), "code", indicator);
			assertThat(decimal(figure.get("current"))).as(what + " " + group.get("key"))
				.isEqualByComparingTo(sum(members, Row::current));
			assertThat(decimal(figure.get("base"))).as(what + " " + group.get("key"))
				.isEqualByComparingTo(sum(members, Row::base));
		}
	}

	private static BigDecimal sum(List<Row> rows, Function<Row, BigDecimal> value) {
		return rows.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (value.equals(node.get(field).asString())) {
				return node;
			}
		}
		throw new AssertionError(value + " not in " + array);
	}

}
