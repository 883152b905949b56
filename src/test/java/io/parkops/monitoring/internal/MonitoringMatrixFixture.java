package io.parkops.monitoring.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.MatrixFixture;
import io.parkops.TestApi;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Online monitoring's records for the authorization matrix: a point of the target's
 * enterprise and an exceedance alarm it raised over a real socket to the receiver.
 */
public class MonitoringMatrixFixture implements MatrixFixture {

	@Override
	public Map<String, String> create(Context c) throws Exception {
		Map<String, String> ids = new LinkedHashMap<>();
		String mn = MonitoringFixture.mn();
		c.api()
			.postJson(c.staffToken(), "/api/v1/monitoring/points",
					MonitoringFixture.point(c.zone(), c.enterprise(), mn, null))
			.andExpect(status().isCreated());
		ids.put("points", mn);
		ids.put("mn", mn);
		LocalDateTime t = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0).minusMinutes(5);
		String segment = "QN=" + MonitoringReceiverTests.qn() + ";ST=32;CN=2051;PW=123456;MN=" + mn
				+ ";Flag=5;CP=&&DataTime=" + MonitoringReceiverTests.dataTime(t) + ";w01018-Avg=99,w01018-Flag=N&&";
		send(segment);
		for (int i = 0; i < 50; i++) {
			List<Integer> alarms = com.jayway.jsonpath.JsonPath.read(c.mvc()
				.perform(TestApi.bearer(c.staffToken(),
						org.springframework.test.web.servlet.request.MockMvcRequestBuilders
							.get("/api/v1/monitoring/alarms?mn=" + mn)))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.items[*].id");
			if (!alarms.isEmpty()) {
				ids.put("alarms", alarms.get(0).toString());
				return ids;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("no alarm raised for " + mn);
	}

	/**
	 * Sends a data packet of HJ 212-2017 (password 123456, acknowledgement asked) with
	 * the given command, DataTime and CP items to the running receiver and waits for its
	 * answer; for tests outside this package (the browser's).
	 */
	public static void sendData(String mn, String cn, LocalDateTime dataTime, String items) throws Exception {
		send("QN=" + MonitoringReceiverTests.qn() + ";ST=32;CN=" + cn + ";PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime="
				+ MonitoringReceiverTests.dataTime(dataTime) + ";" + items + "&&");
	}

	/** Sends one packet to the running receiver and waits for its answer. */
	static void send(String segment) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", Hj212Receiver.lastPort)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(Hj212.frame(segment).getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			int prev = -1;
			int b;
			while ((b = in.read()) >= 0 && !(prev == '\r' && b == '\n')) {
				prev = b;
			}
		}
	}

}
