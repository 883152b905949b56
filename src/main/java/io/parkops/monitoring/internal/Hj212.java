package io.parkops.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

// The HJ 212 communication protocol (污染物在线监控（监测）系统数据传输标准), versions HJ 212-2017 and HJ
// 212-2025: the frame {@code ##} + 4-digit length + data segment + CRC + CR LF, the
// standard's CRC16 over the bytes of the data segment, the fields of the data segment and
// the acknowledgement.
final class Hj212 {

	// Frame overhead: {@code ##}, the length, the CRC and CR LF.
	static final int OVERHEAD = 2 + 4 + 4 + 2;

	// The data segment's largest length the 4-digit length field can state.
	static final int MAX_SEGMENT = 9999;

	private Hj212() {
	}

	// The standard's CRC16 (Appendix A): register 0xFFFF, for each byte
	// {@code crc = (crc >> 8) ^ byte}, then eight shifts right xoring 0xA001 when the bit
	// shifted out was set.
	static int crc16(byte[] data, int offset, int length) {
		int crc = 0xFFFF;
		for (int i = offset; i < offset + length; i++) {
			crc = (crc >> 8) ^ (data[i] & 0xFF);
			for (int bit = 0; bit < 8; bit++) {
				boolean carry = (crc & 1) != 0;
				crc >>= 1;
				if (carry) {
					crc ^= 0xA001;
				}
			}
		}
		return crc & 0xFFFF;
	}

	static int crc16(String segment) {
		byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
		return crc16(bytes, 0, bytes.length);
	}

	// The CRC as the frame writes it: four upper-case hex digits.
	static String crcText(int crc) {
		return String.format(Locale.ROOT, "%04X", crc);
	}

	// A whole frame around the data segment (length in bytes).
	static String frame(String segment) {
		return frame(segment, segment.getBytes(StandardCharsets.UTF_8).length, crc16(segment));
	}

	// A whole frame with the given length field and CRC (for encrypted segments).
	static String frame(String segment, int length, int crc) {
		return "##" + String.format(Locale.ROOT, "%04d", length) + segment + crcText(crc) + "\r\n";
	}

	// The version of the protocol a Flag states: its bits 2 to 7 (1 = 2017, 2 = 2025).
	static int version(int flag) {
		return flag >> 2;
	}

	// Whether the Flag asks for an acknowledgement (bit 0).
	static boolean wantsAck(int flag) {
		return (flag & 1) != 0;
	}

	// Whether the Flag announces a split packet with PNUM and PNO (bit 1).
	static boolean isSplit(int flag) {
		return (flag & 2) != 0;
	}

	// The acknowledgement (数据应答) of a packet: {@code ST=91;CN=9014} with the packet's QN,
	// PW and MN, the Flag of its version without further bits and an empty CP.
	static String ack(Message message) {
		int version = (message.flag() != null) ? Math.max(1, version(message.flag())) : 1;
		String segment = "QN=" + message.qn() + ";ST=91;CN=9014;PW=" + message.pw() + ";MN=" + message.mn() + ";Flag="
				+ (version << 2) + ";CP=&&&&";
		return frame(segment);
	}

	// Parses the fields of a data segment in front of {@code CP=} and the CP text between
	// {@code CP=&&} and the closing {@code &&}.
	// @throws IllegalArgumentException when the segment is not well formed
	static Message parse(String segment) {
		int cpAt = segment.indexOf("CP=&&");
		if (cpAt < 0 || !segment.endsWith("&&") || segment.length() < cpAt + 7) {
			throw new IllegalArgumentException("no CP=&&…&&");
		}
		String cp = segment.substring(cpAt + 5, segment.length() - 2);
		Map<String, String> fields = new LinkedHashMap<>();
		String head = segment.substring(0, cpAt);
		for (String part : head.split(";")) {
			if (part.isEmpty()) {
				continue;
			}
			int eq = part.indexOf('=');
			if (eq <= 0) {
				throw new IllegalArgumentException("field without '=': " + part);
			}
			fields.put(part.substring(0, eq), part.substring(eq + 1));
		}
		String qn = fields.get("QN");
		String cn = fields.get("CN");
		String mn = fields.get("MN");
		if (cn == null || mn == null || mn.isEmpty() || !cn.matches("\\d{4}")) {
			throw new IllegalArgumentException("CN or MN missing");
		}
		if (qn != null && !qn.matches("\\d{17}")) {
			throw new IllegalArgumentException("QN is not yyyyMMddHHmmssSSS");
		}
		Integer flag = integer(fields.get("Flag"));
		Integer pnum = integer(fields.get("PNUM"));
		Integer pno = integer(fields.get("PNO"));
		return new Message(qn, fields.get("ST"), cn, fields.getOrDefault("PW", ""), mn, flag, pnum, pno,
				"1".equals(fields.get("RF")), head, cp);
	}

	private static Integer integer(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (!value.matches("\\d{1,4}")) {
			throw new IllegalArgumentException("not a number: " + value);
		}
		return Integer.valueOf(value);
	}

	// The CP items of a data command: {@code DataTime} and each factor's fields
	// ({@code w01018-Rtd=12.5,w01018-Flag=N}) by factor code.
	// @throws IllegalArgumentException when the CP text is malformed
	static Cp parseCp(String cp) {
		String dataTime = null;
		Map<String, Map<String, String>> factors = new LinkedHashMap<>();
		if (cp.isEmpty()) {
			return new Cp(null, factors);
		}
		for (String item : cp.split(";")) {
			if (item.isEmpty()) {
				continue;
			}
			for (String pair : item.split(",")) {
				int eq = pair.indexOf('=');
				if (eq <= 0) {
					throw new IllegalArgumentException("CP pair without '=': " + pair);
				}
				String key = pair.substring(0, eq);
				String value = pair.substring(eq + 1);
				if (key.equals("DataTime")) {
					dataTime = value;
					continue;
				}
				int dash = key.indexOf('-');
				if (dash <= 0 || dash == key.length() - 1) {
					// other items (SystemTime, RestartTime, PolId …) are not series
					continue;
				}
				factors.computeIfAbsent(key.substring(0, dash), (k) -> new LinkedHashMap<>())
					.put(key.substring(dash + 1), value);
			}
		}
		return new Cp(dataTime, factors);
	}

	// A parsed data segment.
	// @param qn request number (yyyyMMddHHmmssSSS)
	// @param st system code (32 surface water, 31 air, …)
	// @param cn command number
	// @param pw the point's access password
	// @param mn the point's device number
	// @param flag the Flag, or null
	// @param pnum number of packets of a split packet
	// @param pno this packet's number
	// @param backfilled {@code RF=1} (HJ 212-2025): a back-filled (补传) packet
	// @param head everything before {@code CP=}
	// @param cp the CP text between the ampersands (as transmitted)
	record Message(String qn, String st, String cn, String pw, String mn, Integer flag, Integer pnum, Integer pno,
			boolean backfilled, String head, String cp) {

		int command() {
			return Integer.parseInt(this.cn);
		}

		boolean isDataCommand() {
			int c = command();
			return c >= 2000 && c <= 2999;
		}

		Message withCp(String plain) {
			return new Message(this.qn, this.st, this.cn, this.pw, this.mn, this.flag, this.pnum, this.pno,
					this.backfilled, this.head, plain);
		}

		// The data segment with the CP text given.
		String segment() {
			return this.head + "CP=&&" + this.cp + "&&";
		}

	}

	// The CP items of a data command.
	record Cp(String dataTime, Map<String, Map<String, String>> factors) {
	}

	// The bytes of the braced list 0xE4,0x3E,…, or null when the text is not in that
	// form.
	static byte[] hexList(String text) {
		if (!text.startsWith("{")) {
			return null;
		}
		int end = text.indexOf('}');
		if (end < 0) {
			throw new IllegalArgumentException("no closing brace");
		}
		String body = text.substring(1, end);
		if (body.isEmpty()) {
			return new byte[0];
		}
		String[] parts = body.split(",");
		byte[] bytes = new byte[parts.length];
		for (int i = 0; i < parts.length; i++) {
			String p = parts[i].trim();
			if (!p.matches("0[xX][0-9a-fA-F]{1,2}")) {
				throw new IllegalArgumentException("not a hex byte: " + p);
			}
			bytes[i] = (byte) Integer.parseInt(p.substring(2), 16);
		}
		return bytes;
	}

	static String hexListText(byte[] bytes) {
		List<String> parts = new ArrayList<>(bytes.length);
		for (byte b : bytes) {
			parts.add(String.format(Locale.ROOT, "0x%02X", b & 0xFF));
		}
		return "{" + String.join(",", parts) + "}";
	}

}
