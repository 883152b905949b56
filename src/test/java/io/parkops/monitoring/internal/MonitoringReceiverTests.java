package io.parkops.monitoring.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;
import io.parkops.ParkOpsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * End to end over a real TCP socket to the running receiver: split, glued and garbled
 * packets, acknowledgements of both versions, PNUM/PNO reassembly, back-filled packets,
 * SM4 data areas, the refusal counts, the stored series through the API and the alarms
 * they open, continue and close, offline alarms and the hazard an alarm becomes.
 */
@ParkOpsTest
class MonitoringReceiverTests {

	static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final AtomicLong QN = new AtomicLong(System.currentTimeMillis() % 1_000_000L);

	@Autowired
	MockMvc mvc;

	@Autowired
	Hj212Receiver receiver;

	@Autowired
	Rollup rollup;

	@Autowired
	AlarmEngine engine;

	MonitoringFixture f;

	Socket socket;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new MonitoringFixture(this.mvc);
		assertThat(this.receiver.port()).as("the receiver listens in tests (port 0)").isPositive();
		this.socket = new Socket("127.0.0.1", this.receiver.port());
		this.socket.setSoTimeout(10_000);
	}

	@AfterEach
	void tearDown() throws Exception {
		this.socket.close();
	}

	static String qn() {
		return "20260101" + String.format("%09d", QN.incrementAndGet() % 1_000_000_000L);
	}

	static String dataTime(LocalDateTime t) {
		return DT.format(t);
	}

	static String segment(String qn, String cn, String mn, int flag, String cp) {
		return "QN=" + qn + ";ST=32;CN=" + cn + ";PW=123456;MN=" + mn + ";Flag=" + flag + ";CP=&&" + cp + "&&";
	}

	private void send(String text) throws Exception {
		OutputStream out = this.socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/** Reads n answer frames. */
	private List<String> acks(int n) throws Exception {
		InputStream in = this.socket.getInputStream();
		List<String> frames = new ArrayList<>();
		ByteArrayOutputStream current = new ByteArrayOutputStream();
		int prev = -1;
		while (frames.size() < n) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			current.write(b);
			if (prev == '\r' && b == '\n') {
				frames.add(current.toString(StandardCharsets.US_ASCII));
				current.reset();
			}
			prev = b;
		}
		return frames;
	}

	private String point(String sm4Key) throws Exception {
		String mn = MonitoringFixture.mn();
		this.f
			.post(this.f.staff, "/api/v1/monitoring/points",
					MonitoringFixture.point(this.f.zone, this.f.ent1, mn, sm4Key))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mn", is(mn)))
			.andExpect(jsonPath("$.online", is(false)))
			.andExpect(jsonPath("$.factors.length()", is(2)));
		return mn;
	}

	private String json(String token, String path) throws Exception {
		return this.f.get(token, path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/**
	 * Polls until the series has n values (the writer stores asynchronously, acks after).
	 */
	private List<Object> series(String mn, String factor, String interval, int n) throws Exception {
		List<Object> items = List.of();
		for (int i = 0; i < 50 && items.size() < n; i++) {
			items = JsonPath.read(
					json(this.f.staff,
							"/api/v1/monitoring/points/" + mn + "/data?factor=" + factor + "&interval=" + interval),
					"$.items");
			if (items.size() < n) {
				Thread.sleep(100);
			}
		}
		return items;
	}

	private long counter(String name) throws Exception {
		return ((Number) JsonPath.read(json(this.f.staff, "/api/v1/monitoring/receiver"), "$." + name)).longValue();
	}

	@Test
	void splitGluedAndGarbledPacketsAreStoredAndAnsweredInTheirVersion() throws Exception {
		String mn = point(null);
		LocalDateTime t = LocalDateTime.now(CHINA).withSecond(0).withNano(0).minusMinutes(10);
		String q1 = qn();
		String q2 = qn();
		String q3 = qn();
		String p1 = Hj212.frame(segment(q1, "2011", mn, 5,
				"DataTime=" + dataTime(t) + ";w01018-Rtd=12.5,w01018-Flag=N;w21003-Rtd=1.2,w21003-Flag=N"));
		String p2 = Hj212.frame(segment(q2, "2011", mn, 9,
				"DataTime=" + dataTime(t.plusMinutes(1)) + ";w01018-Rtd=13.5,w01018-Flag=N"));
		String p3 = Hj212.frame(segment(q3, "2011", mn, 4,
				"DataTime=" + dataTime(t.plusMinutes(2)) + ";w01018-Rtd=14.5,w01018-Flag=N"));
		// split across writes, with garbage in front
		send("\u0000junk#" + p1.substring(0, 25));
		Thread.sleep(150);
		send(p1.substring(25));
		// glued: two in one write (the second asks no acknowledgement)
		send(p2 + p3);
		List<String> acks = acks(2);
		assertThat(acks).hasSize(2);
		assertThat(acks.get(0)).contains("QN=" + q1 + ";ST=91;CN=9014;PW=123456;MN=" + mn + ";Flag=4;CP=&&&&");
		assertThat(acks.get(1)).contains("QN=" + q2 + ";ST=91;CN=9014;PW=123456;MN=" + mn + ";Flag=8;CP=&&&&");
		List<Object> cod = series(mn, "w01018", "RAW", 3);
		assertThat(cod).hasSize(3);
		assertThat(JsonPath.<Double>read(cod.get(0), "$.value")).isEqualTo(12.5);
		assertThat(JsonPath.<String>read(cod.get(0), "$.time")).isEqualTo(t.toString() + ":00");
		assertThat(JsonPath.<String>read(cod.get(0), "$.flag")).isEqualTo("N");
		assertThat(JsonPath.<Boolean>read(cod.get(0), "$.backfilled")).isFalse();
		// minute, hour and day values are computed from the real-time ones
		this.rollup.rollUp();
		assertThat(series(mn, "w01018", "MINUTE", 3)).hasSize(3);
		List<Object> hour = series(mn, "w01018", "HOUR", 1);
		assertThat(hour).isNotEmpty();
		List<Object> points = JsonPath.read(json(this.f.staff, "/api/v1/monitoring/points?zone=" + this.f.zone),
				"$.items");
		assertThat(points).hasSize(1);
		assertThat(JsonPath.<Boolean>read(points.get(0), "$.online")).isTrue();
		assertThat(JsonPath.<String>read(points.get(0), "$.lastPacketAt")).isNotNull();
	}

	@Test
	void refusedPacketsAreCountedByReasonAndNotStored() throws Exception {
		String mn = point(null);
		LocalDateTime t = LocalDateTime.now(CHINA).withSecond(0).withNano(0).minusMinutes(30);
		long badCrc = counter("badCrc");
		long unknown = counter("unknownMn");
		long badPassword = counter("badPassword");
		long malformed = counter("malformed");
		long duplicates = counter("duplicates");
		String good = segment(qn(), "2011", mn, 5, "DataTime=" + dataTime(t) + ";w01018-Rtd=20,w01018-Flag=N");
		String frame = Hj212.frame(good);
		String wrongCrc = frame.substring(0, frame.length() - 6) + "0000\r\n";
		if (wrongCrc.equals(frame)) {
			wrongCrc = frame.substring(0, frame.length() - 6) + "FFFF\r\n";
		}
		send(wrongCrc);
		send(Hj212.frame(segment(qn(), "2011", "NOSUCHMN0000000000000001", 5, "DataTime=" + dataTime(t))));
		send(Hj212.frame(segment(qn(), "2011", mn, 5, "DataTime=" + dataTime(t)).replace("PW=123456", "PW=999999")));
		send(Hj212.frame(segment(qn(), "2011", mn, 5, "DataTime=" + dataTime(t) + ";w01018-Rtd=abc,w01018-Flag=N")));
		send(frame);
		send(frame);
		// the good one and its duplicate are answered; the others are not
		List<String> acks = acks(2);
		assertThat(acks).hasSize(2);
		for (int i = 0; i < 50 && counter("duplicates") < duplicates + 1; i++) {
			Thread.sleep(100);
		}
		assertThat(counter("badCrc")).isGreaterThanOrEqualTo(badCrc + 1);
		assertThat(counter("unknownMn")).isGreaterThanOrEqualTo(unknown + 1);
		assertThat(counter("badPassword")).isGreaterThanOrEqualTo(badPassword + 1);
		assertThat(counter("malformed")).isGreaterThanOrEqualTo(malformed + 1);
		assertThat(counter("duplicates")).isGreaterThanOrEqualTo(duplicates + 1);
		assertThat(series(mn, "w01018", "RAW", 1)).hasSize(1);
		assertThat(counter("connections")).isPositive();
		String health = json(this.f.staff, "/api/v1/monitoring/points/" + mn + "/health");
		assertThat(JsonPath.<Integer>read(health, "$.badCrc")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(health, "$.badPassword")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(health, "$.duplicates")).isEqualTo(1);
	}

	@Test
	void splitPacketsAreReassembledByQnAndBackfilledOnesKeepTheirMark() throws Exception {
		String mn = point(null);
		LocalDateTime t = LocalDateTime.now(CHINA).withSecond(0).withNano(0).minusHours(3);
		String q = qn();
		String part1 = "QN=" + q + ";ST=32;CN=2011;PW=123456;MN=" + mn + ";Flag=7;PNUM=2;PNO=1;CP=&&DataTime="
				+ dataTime(t) + ";w01018-Rtd=21,w01018-Flag=N&&";
		String part2 = "QN=" + q + ";ST=32;CN=2011;PW=123456;MN=" + mn
				+ ";Flag=7;PNUM=2;PNO=2;CP=&&w21003-Rtd=2.5,w21003-Flag=N&&";
		send(Hj212.frame(part1));
		assertThat(acks(1)).hasSize(1);
		send(Hj212.frame(part2));
		assertThat(acks(1)).hasSize(1);
		List<Object> nh3 = series(mn, "w21003", "RAW", 1);
		assertThat(nh3).hasSize(1);
		assertThat(JsonPath.<String>read(nh3.get(0), "$.time")).isEqualTo(t + ":00");
		assertThat(series(mn, "w01018", "RAW", 1)).hasSize(1);
		// HJ 212-2025 RF=1: a back-filled packet, stored with its mark
		String rf = "QN=" + qn() + ";ST=32;CN=2061;PW=123456;MN=" + mn + ";Flag=9;RF=1;CP=&&DataTime="
				+ dataTime(t.minusDays(1).withMinute(0)) + ";w01018-Avg=30,w01018-Min=20,w01018-Max=40,w01018-Flag=N&&";
		send(Hj212.frame(rf));
		assertThat(acks(1)).hasSize(1);
		List<Object> hours = series(mn, "w01018", "HOUR", 1);
		assertThat(JsonPath.<Boolean>read(hours.get(0), "$.backfilled")).isTrue();
		assertThat(JsonPath.<Number>read(hours.get(0), "$.min").doubleValue()).isEqualTo(20.0);
		assertThat(JsonPath.<Number>read(hours.get(0), "$.max").doubleValue()).isEqualTo(40.0);
	}

	@Test
	void anSm4DataAreaIsDecryptedWithThePointsKeyWhicheverLengthIsStated() throws Exception {
		String mn = point("30303030303030303030303030303030");
		byte[] key = Sm4DataArea.key("30303030303030303030303030303030");
		LocalDateTime t = LocalDateTime.now(CHINA).withSecond(0).withNano(0).minusMinutes(50);
		for (int i = 0; i < 2; i++) {
			String cp = "DataTime=" + dataTime(t.plusMinutes(i)) + ";w01018-Rtd=3" + i + ".5,w01018-Flag=N";
			String plain = segment(qn(), "2011", mn, 9, cp);
			String sent = plain.replace("CP=&&" + cp + "&&", "CP=&&" + Sm4DataArea.encrypt(key, cp) + "&&");
			int crc = Hj212.crc16(plain);
			// the length field counts the plain segment the first time, the transmitted
			// one the second
			int length = (i == 0) ? plain.length() : sent.length();
			send(Hj212.frame(sent, length, crc));
		}
		List<String> acks = acks(2);
		assertThat(acks).hasSize(2);
		List<Object> cod = series(mn, "w01018", "RAW", 2);
		assertThat(cod).hasSize(2);
		assertThat(JsonPath.<Double>read(cod.get(1), "$.value")).isEqualTo(31.5);
		this.f.get(this.f.staff, "/api/v1/monitoring/points/" + mn)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.encrypted", is(true)));
	}

	private List<Object> alarms(String mn, String kind, String status) throws Exception {
		return JsonPath.read(json(this.f.staff, "/api/v1/monitoring/alarms?zone=" + this.f.zone + "&kind=" + kind
				+ (status != null ? "&status=" + status : "") + "&mn=" + mn), "$.items");
	}

	private void minute(String mn, LocalDateTime t, String value, String flag) throws Exception {
		send(Hj212.frame(segment(qn(), "2051", mn, 5, "DataTime=" + dataTime(t) + ";w01018-Avg=" + value
				+ ",w01018-Min=" + value + ",w01018-Max=" + value + ",w01018-Flag=" + flag)));
		assertThat(acks(1)).hasSize(1);
	}

	@Test
	void anExceedanceOpensStaysOneAlarmAndClosesAndEveryFlagIsRespected() throws Exception {
		String mn = point(null);
		LocalDateTime t = LocalDateTime.now(CHINA).withSecond(0).withNano(0).minusMinutes(20);
		// above the limit (50) under maintenance, calibration, stop, manual and above
		// range: no exceedance
		minute(mn, t, "80", "M");
		minute(mn, t.plusMinutes(1), "80", "C");
		minute(mn, t.plusMinutes(2), "80", "F");
		minute(mn, t.plusMinutes(3), "80", "S");
		minute(mn, t.plusMinutes(4), "80", "T");
		assertThat(alarms(mn, "EXCEEDANCE", null)).isEmpty();
		// N above the limit opens one; it continues, keeping its highest value
		minute(mn, t.plusMinutes(5), "60", "N");
		minute(mn, t.plusMinutes(6), "75.5", "N");
		minute(mn, t.plusMinutes(7), "70", "N");
		List<Object> open = alarms(mn, "EXCEEDANCE", "OPEN");
		assertThat(open).hasSize(1);
		assertThat(JsonPath.<Double>read(open.get(0), "$.maxValue")).isEqualTo(75.5);
		assertThat(JsonPath.<Double>read(open.get(0), "$.limit")).isEqualTo(50.0);
		assertThat(JsonPath.<String>read(open.get(0), "$.factor")).isEqualTo("w01018");
		// back within the limit: closed
		minute(mn, t.plusMinutes(8), "45", "N");
		assertThat(alarms(mn, "EXCEEDANCE", "OPEN")).isEmpty();
		List<Object> closed = alarms(mn, "EXCEEDANCE", "CLOSED");
		assertThat(closed).hasSize(1);
		assertThat(JsonPath.<String>read(closed.get(0), "$.closedAt")).isNotNull();
		// D (fault) and B (communication) open an instrument alarm, N closes it
		minute(mn, t.plusMinutes(9), "10", "D");
		minute(mn, t.plusMinutes(10), "10", "B");
		assertThat(alarms(mn, "INSTRUMENT", "OPEN")).hasSize(1);
		assertThat(alarms(mn, "EXCEEDANCE", "OPEN")).isEmpty();
		minute(mn, t.plusMinutes(11), "10", "N");
		assertThat(alarms(mn, "INSTRUMENT", "OPEN")).isEmpty();
		// real-time values above the limit open one through the computed minute average
		send(Hj212.frame(segment(qn(), "2011", mn, 5,
				"DataTime=" + dataTime(t.plusMinutes(12)) + ";w01018-Rtd=90,w01018-Flag=N")));
		assertThat(acks(1)).hasSize(1);
		this.rollup.rollUp();
		assertThat(alarms(mn, "EXCEEDANCE", "OPEN")).hasSize(1);
	}

	@Test
	void aSilentPointGoesOfflineAndItsNextPacketClosesTheAlarm() throws Exception {
		String mn = point(null);
		this.engine.markOffline(Instant.now().plusSeconds(31 * 60));
		assertThat(alarms(mn, "OFFLINE", "OPEN")).hasSize(1);
		send(Hj212.frame(segment(qn(), "9015", mn, 5, "")));
		assertThat(acks(1)).hasSize(1);
		for (int i = 0; i < 50 && !alarms(mn, "OFFLINE", "OPEN").isEmpty(); i++) {
			Thread.sleep(100);
		}
		assertThat(alarms(mn, "OFFLINE", "OPEN")).isEmpty();
		assertThat(alarms(mn, "OFFLINE", "CLOSED")).hasSize(1);
	}

	@Test
	void staffTurnAnAlarmIntoAnEnvironmentalHazardOnceAndLongExceedancesBecomeOneOnTheirOwn() throws Exception {
		String mn = point(null);
		LocalDateTime t = LocalDateTime.now(CHINA).withSecond(0).withNano(0).minusMinutes(5);
		minute(mn, t, "99", "N");
		List<Object> open = alarms(mn, "EXCEEDANCE", "OPEN");
		assertThat(open).hasSize(1);
		Integer id = JsonPath.read(open.get(0), "$.id");
		this.f.post(this.f.entUser1, "/api/v1/monitoring/alarms/" + id + "/hazard", null)
			.andExpect(status().isForbidden());
		this.f.post(this.f.otherStaff, "/api/v1/monitoring/alarms/" + id + "/hazard", null)
			.andExpect(status().isForbidden());
		this.f.post(this.f.leader, "/api/v1/monitoring/alarms/" + id + "/hazard", null)
			.andExpect(status().isForbidden());
		String answer = this.f.post(this.f.staff, "/api/v1/monitoring/alarms/" + id + "/hazard", null)
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Integer hazardId = JsonPath.read(answer, "$.hazardId");
		this.f.post(this.f.staff, "/api/v1/monitoring/alarms/" + id + "/hazard", null).andExpect(status().isConflict());
		String safetyStaff = this.f.token(List.of("SAFETY_STAFF"), List.of(this.f.zone), null);
		this.f.get(safetyStaff, "/api/v1/safety/hazards/" + hazardId)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.category", is("环保（废水）")))
			.andExpect(jsonPath("$.enterpriseCreditCode", is(this.f.ent1)));
		this.f.get(this.f.staff, "/api/v1/monitoring/alarms/" + id)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hazardId", is(hazardId)));
		// an exceedance open longer than hazard-after is handed over by the job
		String mn2 = point(null);
		minute(mn2, t, "88", "N");
		Integer id2 = JsonPath.read(alarms(mn2, "EXCEEDANCE", "OPEN").get(0), "$.id");
		this.engine.escalate(Instant.now().plusSeconds(5 * 3600));
		this.f.get(this.f.staff, "/api/v1/monitoring/alarms/" + id2)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hazardId").isNumber());
	}

}
