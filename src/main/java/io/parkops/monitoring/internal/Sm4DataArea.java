package io.parkops.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

// The data area's encryption of HJ 212-2025: the characters between {@code CP=&&} and the
// closing {@code &&} of a data command are encrypted with SM4 (GB/T 32907) in ECB mode in
// blocks of 16 characters; a tail shorter than 16 characters stays as it is. The
// encrypted blocks are written as a list of bytes (0xE4,0x3E,… in braces) followed by the
// plain tail. SM4 is Bouncy Castle's engine.
final class Sm4DataArea {

	static final int BLOCK = 16;

	private Sm4DataArea() {
	}

	static String encrypt(byte[] key, String plain) {
		byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
		int whole = (bytes.length / BLOCK) * BLOCK;
		byte[] out = run(true, key, Arrays.copyOf(bytes, whole));
		String tail = new String(bytes, whole, bytes.length - whole, StandardCharsets.UTF_8);
		return Hj212.hexListText(out) + tail;
	}

	// The plain CP text of an encrypted one.
	// @throws IllegalArgumentException when it is not in the encrypted form
	static String decrypt(byte[] key, String transmitted) {
		byte[] cipher = Hj212.hexList(transmitted);
		if (cipher == null || cipher.length % BLOCK != 0) {
			throw new IllegalArgumentException("not whole SM4 blocks");
		}
		String tail = transmitted.substring(transmitted.indexOf('}') + 1);
		if (tail.getBytes(StandardCharsets.UTF_8).length >= BLOCK) {
			throw new IllegalArgumentException("plain tail of 16 characters or more");
		}
		return new String(run(false, key, cipher), StandardCharsets.UTF_8) + tail;
	}

	// Whether a CP text is in the encrypted form.
	static boolean isEncrypted(String cp) {
		return cp.startsWith("{0x") || cp.startsWith("{0X") || cp.startsWith("{}");
	}

	private static byte[] run(boolean encrypt, byte[] key, byte[] input) {
		SM4Engine engine = new SM4Engine();
		engine.init(encrypt, new KeyParameter(key));
		byte[] out = new byte[input.length];
		for (int i = 0; i < input.length; i += BLOCK) {
			engine.processBlock(input, i, out, i);
		}
		return out;
	}

	// A key of 32 hex digits.
	static byte[] key(String hex) {
		byte[] key = new byte[BLOCK];
		for (int i = 0; i < BLOCK; i++) {
			key[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
		}
		return key;
	}

}
