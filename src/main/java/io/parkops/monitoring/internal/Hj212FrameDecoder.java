package io.parkops.monitoring.internal;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

// Cuts HJ 212 frames out of a TCP stream: a frame may arrive in pieces over several reads
// and several frames may arrive in one read. Bytes in front of {@code ##} are skipped; a
// frame is {@code ##}, four digits, the data segment, four hex digits of CRC and CR LF
// (the data segment holds no CR LF). The length field is not trusted to find the end
// (with SM4 it may count the plain segment), it is checked later; when a new {@code ##}
// and length start before the end, the unfinished frame in front is dropped. A frame
// longer than {@code maxFrameBytes} cuts the connection off (a sender of garbage).
class Hj212FrameDecoder extends ByteToMessageDecoder {

	private final int maxFrameBytes;

	private final Runnable onMalformed;

	// Since when bytes wait that have not made a frame (0: none waiting).
	private long unframedSince;

	Hj212FrameDecoder(int maxFrameBytes, Runnable onMalformed) {
		this.maxFrameBytes = maxFrameBytes;
		this.onMalformed = onMalformed;
	}

	// Since when (nanoTime) received bytes wait without making a frame; 0 for none.
	long unframedSince() {
		return this.unframedSince;
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		if (in.isReadable() && this.unframedSince == 0) {
			this.unframedSince = System.nanoTime();
		}
		while (in.isReadable()) {
			int start = findStart(in, in.readerIndex());
			if (start < 0) {
				// no frame start: keep a last '#', drop the rest
				int last = in.writerIndex() - 1;
				boolean hash = in.getByte(last) == '#';
				in.readerIndex(hash ? last : in.writerIndex());
				return;
			}
			in.readerIndex(start);
			if (in.readableBytes() < 6) {
				return;
			}
			if (!digits(in, start + 2, 4)) {
				in.skipBytes(1);
				continue;
			}
			int end = findEnd(in, start + 6);
			int restart = findStart(in, start + 2, (end >= 0) ? end : in.writerIndex());
			if (restart >= 0 && (restart + 6 <= in.writerIndex()) && digits(in, restart + 2, 4)) {
				// a new frame begins before this one ended: this one is broken
				in.readerIndex(restart);
				this.onMalformed.run();
				continue;
			}
			if (end < 0) {
				if (in.readableBytes() > this.maxFrameBytes) {
					in.skipBytes(in.readableBytes());
					throw new FrameTooLongException(this.maxFrameBytes);
				}
				return;
			}
			int frameLength = end + 2 - start;
			if (frameLength > this.maxFrameBytes) {
				in.skipBytes(in.readableBytes());
				throw new FrameTooLongException(this.maxFrameBytes);
			}
			if (frameLength < Hj212.OVERHEAD || !hex(in, end - 4, 4)) {
				in.readerIndex(end + 2);
				this.onMalformed.run();
				continue;
			}
			int declared = Integer.parseInt(in.toString(start + 2, 4, java.nio.charset.StandardCharsets.US_ASCII));
			byte[] segment = new byte[end - 4 - (start + 6)];
			in.getBytes(start + 6, segment);
			String crc = in.toString(end - 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
			in.readerIndex(end + 2);
			out.add(new PacketIngest.Frame(segment, declared, crc));
			this.unframedSince = in.isReadable() ? System.nanoTime() : 0;
		}
		this.unframedSince = 0;
	}

	private static int findStart(ByteBuf in, int from) {
		return findStart(in, from, in.writerIndex());
	}

	private static int findStart(ByteBuf in, int from, int to) {
		for (int i = from; i < to - 1; i++) {
			if (in.getByte(i) == '#' && in.getByte(i + 1) == '#') {
				return i;
			}
		}
		return -1;
	}

	private static int findEnd(ByteBuf in, int from) {
		for (int i = from; i < in.writerIndex() - 1; i++) {
			if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static boolean digits(ByteBuf in, int at, int n) {
		for (int i = at; i < at + n; i++) {
			byte b = in.getByte(i);
			if (b < '0' || b > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean hex(ByteBuf in, int at, int n) {
		if (at < 0) {
			return false;
		}
		for (int i = at; i < at + n; i++) {
			byte b = in.getByte(i);
			boolean ok = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	// A frame longer than the limit: the connection is cut off.
	static final class FrameTooLongException extends RuntimeException {

		FrameTooLongException(int max) {
			super("HJ 212 frame longer than " + max + " bytes");
		}

	}

}
