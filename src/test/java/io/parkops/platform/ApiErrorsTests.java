package io.parkops.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error under {@code /api/**}, as a client on the network receives it from the
 * running server (through the servlet container's error handling): problem+json with a
 * message in the caller's language. Pages get the error page, and {@code /error} itself
 * never fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "parkops.admin-password=" + ParkOpsTest.ADMIN_PASSWORD)
@AutoConfigureMockMvc
class ApiErrorsTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	String token() throws Exception {
		HttpResponse<String> response = send("POST", "/api/v1/auth/token", "application/json",
				TestApi.json(Map.of("username", "admin", "password", ParkOpsTest.ADMIN_PASSWORD)));
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.token");
	}

	static void assertProblem(HttpResponse<String> response, int status, String detailContains) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains(detailContains);
	}

	@Test
	void unknownPathsAnswer404InTheCallersLanguage() throws Exception {
		String token = token();
		assertProblem(send("GET", "/api/v1/no-such-thing", null, null, "Authorization", "Bearer " + token), 404,
				"接口不存在");
		assertProblem(send("GET", "/api/v1/no-such-thing", null, null, "Authorization", "Bearer " + token,
				"Accept-Language", "en-US,en;q=0.9"), 404, "No such API path");
		assertProblem(send("GET", "/api/v1/no-such-thing", null, null, "Authorization", "Bearer " + token,
				"Accept-Language", "zh-CN,zh;q=0.9"), 404, "接口不存在");
	}

	@Test
	void wrongMethodsMediaTypesAndAcceptedTypesAreProblems() throws Exception {
		String token = token();
		HttpResponse<String> method = send("DELETE", "/api/v1/zones", null, null, "Authorization", "Bearer " + token,
				"Accept-Language", "en");
		assertProblem(method, 405, "does not support DELETE");
		assertThat(method.headers().firstValue("Allow").orElse("")).contains("GET").contains("POST");

		assertProblem(send("POST", "/api/v1/zones", "text/plain", "hello", "Authorization", "Bearer " + token), 415,
				"text/plain");

		// the literal route is not skipped in favour of {creditCode}: 406 naming xlsx
		HttpResponse<String> export = send("GET", "/api/v1/enterprises/export", null, null, "Authorization",
				"Bearer " + token, "Accept", "application/json");
		assertProblem(export, 406, XLSX);
		assertThat(export.body()).doesNotContain("export”不存在");
		HttpResponse<String> xlsx = send("GET", "/api/v1/enterprises/export", null, null, "Authorization",
				"Bearer " + token, "Accept", XLSX);
		assertThat(xlsx.statusCode()).isEqualTo(200);
	}

	@Test
	void oversizedBodiesMalformedJsonAndMissingPartsAreProblems() throws Exception {
		String token = token();
		String huge = "{\"name\":\"" + "x".repeat(2_000_000) + "\"}";
		assertProblem(send("POST", "/api/v1/enterprises", "application/json", huge, "Authorization", "Bearer " + token),
				413, "1MB");
		assertProblem(send("POST", "/api/v1/enterprises", "application/json", "{\"name\": ", "Authorization",
				"Bearer " + token), 400, "JSON");
		assertProblem(send("POST", "/api/v1/enterprises", "application/json", "", "Authorization", "Bearer " + token),
				400, "JSON");
		HttpResponse<String> nul = send("POST", "/api/v1/enterprises", "application/json", "{\"name\":\"a\\u0000b\"}",
				"Authorization", "Bearer " + token);
		assertProblem(nul, 400, "");
		assertThat((String) JsonPath.read(nul.body(), "$.errors[0].field")).isEqualTo("name");
		String boundary = "----parkops";
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
				+ boundary + "--\r\n";
		HttpResponse<String> missing = send("POST", "/api/v1/enterprises/imports?zone=yunxi",
				"multipart/form-data; boundary=" + boundary, multipart, "Authorization", "Bearer " + token);
		assertProblem(missing, 400, "file");
		assertThat((String) JsonPath.read(missing.body(), "$.errors[0].field")).isEqualTo("file");
	}

	@Test
	void encodedSlashesAndControlCharactersInParametersAreRefused() throws Exception {
		String token = token();
		assertProblem(send("GET", "/api/v1/zones/a%2Fb", null, null, "Authorization", "Bearer " + token), 400, "");
		HttpResponse<String> nul = send("GET", "/api/v1/enterprises?q=a%00b", null, null, "Authorization",
				"Bearer " + token);
		assertProblem(nul, 400, "");
		assertThat((String) JsonPath.read(nul.body(), "$.errors[0].field")).isEqualTo("q");
	}

	@Test
	void pagesShowTheErrorPageAndErrorItselfNeverFails() throws Exception {
		HttpResponse<String> page = send("GET", "/error", null, null);
		assertThat(page.statusCode()).isLessThan(500);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		HttpResponse<String> posted = send("POST", "/error", "application/json", "{", "Accept", "text/csv");
		assertThat(posted.statusCode()).isLessThan(500);
		HttpResponse<String> rejected = send("GET", "/enterprises/a%2Fb", null, null);
		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(rejected.body()).contains("<html");
	}

}
