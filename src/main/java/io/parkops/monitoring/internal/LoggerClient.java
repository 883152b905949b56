package io.parkops.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;

// Simulated data loggers' side of HJ 212 (the demo's simulator and the harness's load):
// TCP connections to a receiver that send frames and match each acknowledgement
// (ST=91;CN=9014) to its packet by MN and QN, completing the packet's future with the
// time the answer took.
final class LoggerClient implements AutoCloseable {

	private final EventLoopGroup group;

	private final String host;

	private final int port;

	LoggerClient(String host, int port, int threads) {
		this.host = host;
		this.port = port;
		this.group = new MultiThreadIoEventLoopGroup(Math.max(1, threads), NioIoHandler.newFactory());
	}

	// Opens a connection (waits for it at most five seconds).
	Link connect() throws InterruptedException {
		Link link = new Link();
		Bootstrap bootstrap = new Bootstrap().group(this.group)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel ch) {
					ch.pipeline().addLast(new LineBasedFrameDecoder(Hj212.MAX_SEGMENT + Hj212.OVERHEAD));
					ch.pipeline().addLast(link.new Answers());
				}
			});
		io.netty.channel.ChannelFuture connected = bootstrap.connect(this.host, this.port);
		if (!connected.await(6, TimeUnit.SECONDS) || !connected.isSuccess()) {
			connected.channel().close();
			throw new IllegalStateException("cannot connect to the HJ 212 receiver at " + this.host + ":" + this.port,
					connected.cause());
		}
		link.channel = connected.channel();
		return link;
	}

	@Override
	public void close() {
		this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
	}

	// The MN and QN of an answer frame, or null.
	static String answerKey(String frame) {
		String qn = field(frame, "QN=");
		String mn = field(frame, "MN=");
		return (qn != null && mn != null) ? mn + "|" + qn : null;
	}

	private static String field(String frame, String name) {
		int at = frame.indexOf(name);
		if (at < 0) {
			return null;
		}
		int end = frame.indexOf(';', at);
		return frame.substring(at + name.length(), (end < 0) ? frame.length() : end);
	}

	// One connection.
	final class Link implements AutoCloseable {

		private volatile Channel channel;

		private final Map<String, Pending> pending = new ConcurrentHashMap<>();

		private record Pending(long sentAt, CompletableFuture<Long> answered) {
		}

		boolean isOpen() {
			return this.channel != null && this.channel.isActive();
		}

		// Sends a frame; when {@code mn} and {@code qn} are given, the future completes
		// with the nanoseconds until its acknowledgement arrived (or times out after
		// {@code timeoutMs}); otherwise once written.
		CompletableFuture<Long> send(String frame, String mn, String qn, long timeoutMs) {
			CompletableFuture<Long> answered = new CompletableFuture<>();
			long sentAt = System.nanoTime();
			String key = (mn != null && qn != null) ? mn + "|" + qn : null;
			if (key != null) {
				this.pending.put(key, new Pending(sentAt, answered));
				answered.orTimeout(timeoutMs, TimeUnit.MILLISECONDS).whenComplete((v, ex) -> {
					if (ex instanceof TimeoutException) {
						this.pending.remove(key);
					}
				});
			}
			ByteBuf bytes = Unpooled.wrappedBuffer(frame.getBytes(StandardCharsets.UTF_8));
			this.channel.writeAndFlush(bytes).addListener((f) -> {
				if (!f.isSuccess()) {
					if (key != null) {
						this.pending.remove(key);
					}
					answered.completeExceptionally(f.cause());
				}
				else if (key == null) {
					answered.complete(System.nanoTime() - sentAt);
				}
			});
			return answered;
		}

		@Override
		public void close() {
			Channel ch = this.channel;
			if (ch != null) {
				ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
			}
		}

		// Matches the answers to the packets sent.
		final class Answers extends SimpleChannelInboundHandler<ByteBuf> {

			@Override
			protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
				String key = answerKey(msg.toString(StandardCharsets.US_ASCII));
				Pending p = (key != null) ? Link.this.pending.remove(key) : null;
				if (p != null) {
					p.answered().complete(System.nanoTime() - p.sentAt());
				}
			}

			@Override
			public void channelInactive(ChannelHandlerContext ctx) throws Exception {
				IllegalStateException closed = new IllegalStateException("connection closed");
				Link.this.pending.values().forEach((p) -> p.answered().completeExceptionally(closed));
				Link.this.pending.clear();
				super.channelInactive(ctx);
			}

			@Override
			public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
				ctx.close();
			}

		}

	}

}
