package io.parkops.economy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.parkops.ParkOpsApplication;
import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.enterprise.CreditCode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An import survives the death of the node running it: a second ParkOps (a separate JVM
 * on the same database) is killed with {@code kill -9} in the middle of a 50,000-row
 * monthly import; after it is started again the job reads "interrupted, nothing stored",
 * none of its rows exist, and the same file then imports cleanly.
 */
@ParkOpsTest
class ImportCrashTests {

	static final int ROWS = 50_000;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Autowired
	MockMvc mvc;

	@Test
	void aKilledNodesImportIsInterruptedStoresNothingAndTheSameFileImportsAfterwards() throws Exception {
		String zone = TestApi.unique("crash-");
		List<String> codes = seed(zone);
		YearMonth month = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1);
		byte[] file = workbook(codes);
		Path log = Path.of("target", "import-crash-node.log");
		TestApi api = new TestApi(this.mvc);
		String user = api.createUser(api.adminToken(), TestApi.unique("crash-"), List.of("ECONOMY_STAFF"),
				List.of(zone), null);

		Node node = Node.start(this.environment, log);
		String jobId;
		try {
			String token = node.token(user);
			jobId = JsonPath.read(node.upload(token, month, zone, file), "$.id");
			// wait until the rows are being written (the second half of the job), then
			// kill -9
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
			String status;
			int percent;
			do {
				Thread.sleep(100);
				String job = node.get(token, "/api/v1/import-jobs/" + jobId);
				status = JsonPath.read(job, "$.status");
				percent = JsonPath.read(job, "$.percent");
			}
			while (status.equals("RUNNING") && percent < 50 && System.nanoTime() < deadline);
			assertThat(status).as("the job is still running when the node is killed").isEqualTo("RUNNING");
			node.kill();
		}
		finally {
			node.kill();
		}

		Node restarted = Node.start(this.environment, log);
		try {
			String token = restarted.token(user);
			String job = null;
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
			while (System.nanoTime() < deadline) {
				job = restarted.get(token, "/api/v1/import-jobs/" + jobId);
				if (!"RUNNING".equals(JsonPath.read(job, "$.status"))) {
					break;
				}
				Thread.sleep(500);
			}
			assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("INTERRUPTED");
			assertThat((String) JsonPath.read(job, "$.message")).contains("中断").contains("没有保存任何数据");
			assertThat(storedRows(zone, month)).isZero();
			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM audit_record WHERE entity = 'economy_monthly' AND entity_id = ?", Long.class,
					codes.get(0) + "/" + month))
				.isZero();
			// the page says so in words
			jakarta.servlet.http.Cookie session = this.mvc
				.perform(post("/login").param("username", user).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andReturn()
				.getResponse()
				.getCookie("SESSION");
			this.mvc.perform(get("/economy/import/" + jobId).cookie(session))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("导入已中断")));

			String again = JsonPath.read(restarted.upload(token, month, zone, file), "$.id");
			String outcome = null;
			deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
			while (System.nanoTime() < deadline) {
				outcome = restarted.get(token, "/api/v1/import-jobs/" + again);
				String s = JsonPath.read(outcome, "$.status");
				if (!s.equals("RUNNING") && !s.equals("QUEUED")) {
					break;
				}
				Thread.sleep(500);
			}
			assertThat((String) JsonPath.read(outcome, "$.status")).isEqualTo("DONE");
			assertThat((Integer) JsonPath.read(outcome, "$.rows")).isEqualTo(ROWS);
			assertThat(storedRows(zone, month)).isEqualTo(ROWS);
		}
		finally {
			restarted.kill();
		}
	}

	private long storedRows(String zone, YearMonth month) {
		return this.jdbc.queryForObject("SELECT count(*) FROM economy_monthly WHERE zone_code = ? AND month = ?",
				Long.class, zone, month.atDay(1));
	}

	/** A zone of 50,000 规上 enterprises, written by SQL. */
	private List<String> seed(String zone) {
		this.jdbc.update("INSERT INTO zone (code, name) VALUES (?, ?)", zone, "崩溃测试园区" + zone);
		this.jdbc.update("INSERT INTO area (zone_code, code, name) VALUES (?, 'east', '东区')", zone);
		List<Object[]> rows = new ArrayList<>(ROWS);
		List<String> codes = new ArrayList<>(ROWS);
		long base = Math.abs(zone.hashCode() % 100_000) * 100_000L;
		for (int i = 0; i < ROWS; i++) {
			String first17 = String.format(Locale.ROOT, "91362%012d", base + i);
			String code = first17 + CreditCode.checkCharacter(first17);
			codes.add(code);
			rows.add(new Object[] { code, "崩溃测试" + i + "有限公司", zone });
		}
		this.jdbc.batchUpdate("INSERT INTO enterprise (credit_code, name, zone_code, area_code, industry_code, status,"
				+ " above_scale) VALUES (?, ?, ?, 'east', 'C39', 'IN_PRODUCTION', true)", rows);
		this.jdbc.update("""
				INSERT INTO enterprise_scale_change (enterprise_id, month, above_scale)
				SELECT id, DATE '2015-01-01', true FROM enterprise WHERE zone_code = ?""", zone);
		return codes;
	}

	private static byte[] workbook(List<String> codes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "ParkOpsTests", "1.0");
		Worksheet sheet = wb.newWorksheet("month");
		sheet.value(0, 0, "统一社会信用代码");
		sheet.value(0, 1, "企业名称");
		for (int i = 0; i < codes.size(); i++) {
			int r = i + 1;
			sheet.value(r, 0, codes.get(i));
			sheet.value(r, 1, "崩溃测试" + i + "有限公司");
			sheet.value(r, 2, 1000 + i % 500);
			sheet.value(r, 3, 260 + i % 100);
			sheet.value(r, 4, 980 + i % 500);
		}
		wb.finish();
		return out.toByteArray();
	}

	/** ParkOps in a JVM of its own, on the tests' database and data directory. */
	private static final class Node {

		private final Process process;

		private final int port;

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

		private Node(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		static Node start(Environment env, Path log) throws Exception {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			List<String> command = List.of(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
					ParkOpsApplication.class.getName(), "--server.port=" + port,
					"--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
					"--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
					"--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""),
					"--spring.flyway.url=" + env.getProperty("spring.flyway.url"),
					"--spring.flyway.user=" + env.getProperty("spring.flyway.user"),
					"--spring.flyway.password=" + env.getProperty("spring.flyway.password", ""),
					"--parkops.data-dir=" + env.getProperty("parkops.data-dir"), "--parkops.demo=false",
					"--parkops.admin-password=" + ParkOpsTest.ADMIN_PASSWORD, "--parkops.imports.lease=PT5S",
					// a node on a database server needs the party and investment phone
					// keys and the monitoring key secret (the test reads none of them)
					"--parkops.party.phone-key=import-crash-node-phone-key-0123456789",
					"--parkops.investment.phone-key=import-crash-node-task-force-key-0123456789",
					"--parkops.monitoring.key-secret=import-crash-node-monitoring-secret-0123456789",
					"--logging.level.root=WARN");
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			Node node = new Node(process, port);
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
			while (System.nanoTime() < deadline) {
				assertThat(process.isAlive()).as("the second node is running (see " + log + ")").isTrue();
				try {
					HttpResponse<String> health = node.http.send(
							HttpRequest.newBuilder(node.uri("/actuator/health")).build(),
							HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200 && health.body().contains("UP")) {
						return node;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(500);
			}
			node.kill();
			throw new AssertionError("the second node did not start; see " + log);
		}

		URI uri(String path) {
			return URI.create("http://localhost:" + this.port + path);
		}

		String token(String username) throws Exception {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						TestApi.json(java.util.Map.of("username", username, "password", TestApi.STRONG_PASSWORD))))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JsonPath.read(response.body(), "$.token");
		}

		String get(String token, String path) throws Exception {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(path))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json")
				.header("Accept-Language", "zh-CN")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return response.body();
		}

		String upload(String token, YearMonth month, String zone, byte[] file) throws Exception {
			String boundary = "----parkops" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"month.xlsx\""
					+ "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(file);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(uri("/api/v1/economy/import-jobs?month=" + month + "&zone=" + zone))
					.header("Authorization", "Bearer " + token)
					.header("Accept", "application/json")
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			return response.body();
		}

		/** {@code kill -9}: the JVM gets no chance to clean up. */
		void kill() throws InterruptedException {
			if (this.process.isAlive()) {
				this.process.destroyForcibly();
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
		}

	}

}
