package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parkops.monitoring.internal.Hj212.Message;
import io.parkops.monitoring.internal.PointDirectory.Point;
import io.parkops.monitoring.internal.ReceiverCounters.Reason;
import io.parkops.monitoring.internal.SeriesStore.Row;
import io.parkops.platform.ZoneTime;

import org.springframework.stereotype.Component;

// What happens to a frame the receiver cut out of the stream: the data segment parsed,
// the data area decrypted where the point has an SM4 key, the CRC checked over the
// (plain) segment's bytes, the length, MN and password checked, a duplicate QN and a
// split packet's parts recognised, the values handed to the writer and the
// acknowledgement answered once they are stored. A refused packet is counted by reason
// and gets no answer (a duplicate is answered, so the logger stops resending it).
@Component
class PacketIngest {

	static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	static final Set<String> FLAGS = Set.of("N", "F", "M", "S", "D", "C", "T", "B");

	private final PointDirectory points;

	private final ReceiverCounters counters;

	private final PacketWriter writer;

	private final ZoneTime zoneTime;

	private final MonitoringProperties properties;

	// QNs seen per MN (two days, at most two million).
	private final Cache<String, Boolean> seen = Caffeine.newBuilder()
		.maximumSize(2_000_000)
		.expireAfterWrite(Duration.ofDays(2))
		.build();

	// The parts of split packets by MN and QN (ten minutes to complete).
	private final Cache<String, Parts> parts = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	PacketIngest(PointDirectory points, ReceiverCounters counters, PacketWriter writer, ZoneTime zoneTime,
			MonitoringProperties properties) {
		this.points = points;
		this.counters = counters;
		this.writer = writer;
		this.zoneTime = zoneTime;
		this.properties = properties;
	}

	// A frame: the data segment's bytes as transmitted, its length field and CRC text.
	record Frame(byte[] segment, int declaredLength, String crc) {
	}

	private static final CompletableFuture<String> NO_ANSWER = CompletableFuture.completedFuture(null);

	// Takes a frame; the answer (an acknowledgement frame, or null for none) completes
	// once the packet is stored or refused.
	CompletableFuture<String> accept(Frame frame) {
		this.counters.packets.incrementAndGet();
		String segment = new String(frame.segment(), StandardCharsets.UTF_8);
		Message message;
		try {
			message = Hj212.parse(segment);
		}
		catch (IllegalArgumentException ex) {
			return refuse(Reason.MALFORMED, null);
		}
		Point point = this.points.byMn(message.mn());
		int crc;
		try {
			crc = Integer.parseInt(frame.crc(), 16);
		}
		catch (NumberFormatException ex) {
			return refuse(Reason.MALFORMED, message.mn());
		}
		Message plain = message;
		if (point != null && !point.keys().isEmpty() && message.isDataCommand()
				&& Sm4DataArea.isEncrypted(message.cp())) {
			plain = decrypt(point, message, crc);
			if (plain == null) {
				return refuse(Reason.BAD_CRC, message.mn());
			}
		}
		else if (Hj212.crc16(frame.segment(), 0, frame.segment().length) != crc) {
			return refuse(Reason.BAD_CRC, message.mn());
		}
		int plainLength = plain.segment().getBytes(StandardCharsets.UTF_8).length;
		if (frame.declaredLength() != frame.segment().length && frame.declaredLength() != plainLength) {
			return refuse(Reason.MALFORMED, message.mn());
		}
		if (point == null) {
			return refuse(Reason.UNKNOWN_MN, null);
		}
		this.counters.packetFor(point.mn());
		if (!point.passwordMatches(message.pw())) {
			return refuse(Reason.BAD_PASSWORD, point.mn());
		}
		String ack = (message.flag() != null && Hj212.wantsAck(message.flag()) && message.qn() != null)
				? Hj212.ack(message) : null;
		if (!message.isDataCommand()) {
			// heartbeat (9015) and other commands: the point is heard from
			return this.writer.submit(point, List.of(), false).thenApply((v) -> ack);
		}
		if (message.qn() != null) {
			String key = point.mn() + "|" + message.qn() + "|" + ((message.pno() != null) ? message.pno() : 0);
			if (this.seen.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
				this.counters.refuse(Reason.DUPLICATE, point.mn());
				return CompletableFuture.completedFuture(ack);
			}
		}
		String cp = plain.cp();
		if (message.flag() != null && Hj212.isSplit(message.flag()) && message.pnum() != null && message.pnum() > 1) {
			if (message.pno() == null || message.pno() < 1 || message.pno() > message.pnum() || message.qn() == null) {
				return refuse(Reason.MALFORMED, point.mn());
			}
			String whole = collect(point.mn() + "|" + message.qn(), message.pnum(), message.pno(), cp);
			if (whole == null) {
				// a part: answered, stored with the whole packet
				return CompletableFuture.completedFuture(ack);
			}
			cp = whole;
		}
		List<Row> rows;
		try {
			rows = rows(point, message, cp);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			return refuse(Reason.MALFORMED, point.mn());
		}
		boolean data = message.command() != 2021;
		return this.writer.submit(point, rows, data).thenApply((v) -> ack);
	}

	private CompletableFuture<String> refuse(Reason reason, String mn) {
		this.counters.refuse(reason, mn);
		return NO_ANSWER;
	}

	// The message with its data area decrypted by the first key whose result has the CRC.
	private Message decrypt(Point point, Message message, int crc) {
		for (byte[] key : point.keys()) {
			try {
				Message plain = message.withCp(Sm4DataArea.decrypt(key, message.cp()));
				if (Hj212.crc16(plain.segment()) == crc) {
					return plain;
				}
			}
			catch (IllegalArgumentException ex) {
				// not this key's (or not whole blocks): try the next
			}
		}
		return null;
	}

	// Adds a part; the parts' CP texts joined in PNO order once all are in, else null.
	private String collect(String key, int pnum, int pno, String cp) {
		Parts p = this.parts.get(key, (k) -> new Parts(pnum));
		synchronized (p) {
			p.cps.put(pno, cp);
			if (p.cps.size() < p.pnum) {
				return null;
			}
			this.parts.invalidate(key);
			return String.join(";", p.cps.values());
		}
	}

	private static final class Parts {

		final int pnum;

		final Map<Integer, String> cps = new TreeMap<>();

		Parts(int pnum) {
			this.pnum = pnum;
		}

	}

	// The values of a data command's CP.
	List<Row> rows(Point point, Message message, String cp) {
		Hj212.Cp items = Hj212.parseCp(cp);
		char series = switch (message.command()) {
			case 2011 -> 'R';
			case 2051 -> 'M';
			case 2061 -> 'H';
			case 2031 -> 'D';
			default -> ' ';
		};
		if (series == ' ') {
			return List.of();
		}
		if (items.dataTime() == null || !items.dataTime().matches("\\d{14}")) {
			throw new IllegalArgumentException("DataTime missing");
		}
		LocalDateTime time = LocalDateTime.parse(items.dataTime(), DATA_TIME);
		ZoneId zone = this.zoneTime.zoneId();
		LocalDateTime now = LocalDateTime.now(zone);
		if (time.isAfter(now.plusDays(1)) || time.isBefore(now.minusMonths(this.properties.retentionMonths()))) {
			throw new IllegalArgumentException("DataTime out of range");
		}
		time = switch (series) {
			case 'M' -> time.truncatedTo(ChronoUnit.MINUTES);
			case 'H' -> time.truncatedTo(ChronoUnit.HOURS);
			case 'D' -> time.truncatedTo(ChronoUnit.DAYS);
			default -> time;
		};
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<String, Map<String, String>> e : items.factors().entrySet()) {
			String code = e.getKey();
			if (!code.matches("[A-Za-z0-9]{1,16}")) {
				throw new IllegalArgumentException("factor code");
			}
			Map<String, String> f = e.getValue();
			String flag = f.getOrDefault("Flag", "N");
			if (!FLAGS.contains(flag)) {
				throw new IllegalArgumentException("flag");
			}
			BigDecimal value;
			BigDecimal min = null;
			BigDecimal max = null;
			BigDecimal converted;
			if (series == 'R') {
				value = number(f.get("Rtd"));
				converted = number(f.get("ZsRtd"));
			}
			else {
				value = number(f.get("Avg"));
				min = number(f.get("Min"));
				max = number(f.get("Max"));
				converted = number(f.get("ZsAvg"));
				if (value == null && f.containsKey("Cou")) {
					value = number(f.get("Cou"));
				}
			}
			if (value == null && converted == null) {
				continue;
			}
			rows.add(new Row(point.id(), code, series, time, value, min, max, converted, flag, message.backfilled()));
		}
		return rows;
	}

	private static BigDecimal number(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		if (!text.matches("-?\\d{1,12}(\\.\\d{1,8})?")) {
			throw new IllegalArgumentException("not a number: " + text);
		}
		return new BigDecimal(text);
	}

}
