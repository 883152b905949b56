package io.parkops.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HJ 212 protocol without the application: the CRC with the standard's vector, the
 * fields and CP, both versions' acknowledgements, the frame decoder on split, glued,
 * garbage and oversize input, and SM4 of the data area.
 */
class Hj212ProtocolTests {

	static final String VECTOR = "##0087QN=20240601085857223;ST=32;CN=1011;PW=123456;MN=010000A8900016F000169DC0;Flag=9;CP=&&&&2200\r\n";

	static final String SEGMENT = "QN=20240601085857223;ST=32;CN=1011;PW=123456;MN=010000A8900016F000169DC0;Flag=9;CP=&&&&";

	@Test
	void theCrcOfTheStandardsVectorIs2200OverTheBytes() {
		assertThat(Hj212.crcText(Hj212.crc16(SEGMENT))).isEqualTo("2200");
		assertThat(Hj212.frame(SEGMENT)).isEqualTo(VECTOR);
		assertThat(SEGMENT.getBytes(StandardCharsets.UTF_8)).hasSize(87);
		// over bytes, not characters: a Chinese character counts three bytes in the
		// length and the CRC
		String chinese = "QN=20240601085857223;ST=32;CN=2011;PW=123456;MN=A1;Flag=4;CP=&&DataTime=20240601085800;备注-Info=正常&&";
		String frame = Hj212.frame(chinese);
		assertThat(frame.substring(2, 6))
			.isEqualTo(String.format("%04d", chinese.getBytes(StandardCharsets.UTF_8).length));
		assertThat(chinese.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(chinese.length());
	}

	@Test
	void theFieldsAndTheCpAreParsed() {
		Hj212.Message m = Hj212.parse(
				"QN=20240601085857223;ST=32;CN=2011;PW=123456;MN=AB12;Flag=5;CP=&&DataTime=20240601085800;w01018-Rtd=12.5,w01018-Flag=N;w21003-Rtd=1.20,w21003-ZsRtd=1.3,w21003-Flag=T&&");
		assertThat(m.qn()).isEqualTo("20240601085857223");
		assertThat(m.cn()).isEqualTo("2011");
		assertThat(m.mn()).isEqualTo("AB12");
		assertThat(m.flag()).isEqualTo(5);
		assertThat(m.isDataCommand()).isTrue();
		Hj212.Cp cp = Hj212.parseCp(m.cp());
		assertThat(cp.dataTime()).isEqualTo("20240601085800");
		assertThat(cp.factors()).containsOnlyKeys("w01018", "w21003");
		assertThat(cp.factors().get("w21003")).containsEntry("Rtd", "1.20")
			.containsEntry("ZsRtd", "1.3")
			.containsEntry("Flag", "T");
		assertThat(Hj212.parse(SEGMENT).cp()).isEmpty();
		assertThatThrownBy(() -> Hj212.parse("QN=1;CN=2011;MN=A;CP=&&x")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Hj212.parseCp("DataTime=20240601085800;w01018-Rtd"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void bothVersionsAreReadFromTheFlagAndAnsweredInTheirOwnVersion() {
		// HJ 212-2017: version 1 → Flag 4/5 (6/7 split); HJ 212-2025: version 2 → Flag
		// 8/9 (10/11)
		assertThat(Hj212.version(5)).isEqualTo(1);
		assertThat(Hj212.version(7)).isEqualTo(1);
		assertThat(Hj212.version(9)).isEqualTo(2);
		assertThat(Hj212.version(11)).isEqualTo(2);
		assertThat(Hj212.wantsAck(4)).isFalse();
		assertThat(Hj212.wantsAck(9)).isTrue();
		assertThat(Hj212.isSplit(7)).isTrue();
		assertThat(Hj212.isSplit(9)).isFalse();
		String ack2025 = Hj212.ack(Hj212.parse(SEGMENT));
		assertThat(ack2025).startsWith("##")
			.endsWith("\r\n")
			.contains("QN=20240601085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=8;CP=&&&&");
		String ack2017 = Hj212.ack(Hj212
			.parse("QN=20240601085857223;ST=32;CN=2011;PW=654321;MN=X1;Flag=5;CP=&&DataTime=20240601085800&&"));
		assertThat(ack2017).contains(";ST=91;CN=9014;PW=654321;MN=X1;Flag=4;CP=&&&&");
		String seg = ack2017.substring(6, ack2017.length() - 6);
		assertThat(ack2017.substring(ack2017.length() - 6, ack2017.length() - 2))
			.isEqualTo(Hj212.crcText(Hj212.crc16(seg)));
	}

	private static List<PacketIngest.Frame> decode(int max, byte[]... reads) {
		List<String> malformed = new ArrayList<>();
		EmbeddedChannel channel = new EmbeddedChannel(new Hj212FrameDecoder(max, () -> malformed.add("x")));
		for (byte[] read : reads) {
			channel.writeInbound(Unpooled.wrappedBuffer(read));
		}
		List<PacketIngest.Frame> frames = new ArrayList<>();
		Object o;
		while ((o = channel.readInbound()) != null) {
			frames.add((PacketIngest.Frame) o);
		}
		return frames;
	}

	private static byte[] b(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aFrameSplitAcrossReadsIsPutTogether() {
		List<PacketIngest.Frame> frames = decode(10011, b(VECTOR.substring(0, 3)), b(VECTOR.substring(3, 40)),
				b(VECTOR.substring(40, VECTOR.length() - 1)), b(VECTOR.substring(VECTOR.length() - 1)));
		assertThat(frames).hasSize(1);
		assertThat(new String(frames.get(0).segment(), StandardCharsets.UTF_8)).isEqualTo(SEGMENT);
		assertThat(frames.get(0).declaredLength()).isEqualTo(87);
		assertThat(frames.get(0).crc()).isEqualTo("2200");
	}

	@Test
	void severalFramesInOneReadAreEachDelivered() {
		List<PacketIngest.Frame> frames = decode(10011, b(VECTOR + VECTOR + VECTOR.substring(0, 20)),
				b(VECTOR.substring(20)));
		assertThat(frames).hasSize(3);
	}

	@Test
	void bytesBeforeTheFrameStartAreSkipped() {
		List<PacketIngest.Frame> frames = decode(10011, b("garbage\r\n#x##ab" + VECTOR), b("\u0000\u00ff" + VECTOR));
		assertThat(frames).hasSize(2);
		assertThat(frames).allSatisfy((f) -> assertThat(f.crc()).isEqualTo("2200"));
		// an unfinished frame followed by a whole one: the whole one survives
		assertThat(decode(10011, b(VECTOR.substring(0, 50) + VECTOR))).hasSize(1);
	}

	@Test
	void aFrameLongerThanTheLimitCutsTheConnection() {
		EmbeddedChannel channel = new EmbeddedChannel(new Hj212FrameDecoder(200, () -> {
		}));
		String longOne = "##0999" + "A".repeat(300);
		assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(b(longOne))))
			.isInstanceOf(DecoderException.class)
			.hasCauseInstanceOf(Hj212FrameDecoder.FrameTooLongException.class);
		// within the limit all is well
		assertThat(decode(200, b(VECTOR))).hasSize(1);
	}

	@Test
	void sm4MatchesTheGbtVectorAndTheDataAreaKeepsItsTail() {
		// GB/T 32907-2016 Appendix A.1: key = plaintext =
		// 0123456789abcdeffedcba9876543210
		byte[] key = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
		String once = Sm4DataArea.encrypt(key, new String(key, StandardCharsets.ISO_8859_1));
		assertThat(once).isNotNull();
		org.bouncycastle.crypto.engines.SM4Engine engine = new org.bouncycastle.crypto.engines.SM4Engine();
		engine.init(true, new org.bouncycastle.crypto.params.KeyParameter(key));
		byte[] out = new byte[16];
		engine.processBlock(key, 0, out, 0);
		assertThat(HexFormat.of().formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
		// the standard's test key: 16 bytes of 0x30
		byte[] test = "0000000000000000".getBytes(StandardCharsets.US_ASCII);
		assertThat(Sm4DataArea.key("30303030303030303030303030303030")).isEqualTo(test);
		String plain = "DataTime=20240601085800;w01018-Rtd=12.5,w01018-Flag=N";
		String sent = Sm4DataArea.encrypt(test, plain);
		int whole = (plain.length() / 16) * 16;
		assertThat(sent).startsWith("{0x").endsWith("}" + plain.substring(whole));
		assertThat(sent.substring(1, sent.indexOf('}')).split(",")).hasSize(whole);
		assertThat(Sm4DataArea.isEncrypted(sent)).isTrue();
		assertThat(Sm4DataArea.decrypt(test, sent)).isEqualTo(plain);
		// a plain area shorter than a block is sent as it is, after an empty list
		assertThat(Sm4DataArea.decrypt(test, Sm4DataArea.encrypt(test, "w01018-Rtd=1"))).isEqualTo("w01018-Rtd=1");
		assertThatThrownBy(() -> Sm4DataArea.decrypt(test, "{0x01,0x02}tail"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
