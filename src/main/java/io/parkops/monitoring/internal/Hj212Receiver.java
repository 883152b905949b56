package io.parkops.monitoring.internal;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
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
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

// The HJ 212 TCP server (Netty). Each connection gets the frame decoder, an idle timer (a
// silent connection is closed), a frame timer (bytes that do not make a frame in time — a
// dribbling sender — close it) and the handler that passes frames on and writes the
// answers. Connections beyond the total or per-address limit are closed at once, so a
// flood does not starve the loggers already connected. If the port cannot be bound the
// application still starts: the receiver health page and the log say so.
@Component
class Hj212Receiver implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Hj212Receiver.class);

	private final MonitoringProperties.Receiver settings;

	private final PacketIngest ingest;

	private final ReceiverCounters counters;

	private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

	private EventLoopGroup boss;

	private EventLoopGroup workers;

	private Channel server;

	private volatile boolean running;

	private volatile int port = -1;

	// The port the last started receiver of this JVM listens on (for test fixtures).
	static volatile int lastPort = -1;

	Hj212Receiver(MonitoringProperties properties, PacketIngest ingest, ReceiverCounters counters) {
		this.settings = properties.hj212();
		this.ingest = ingest;
		this.counters = counters;
	}

	// The port listened on, or -1 when not listening.
	int port() {
		return this.port;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		if (!this.settings.enabled()) {
			log.info("HJ 212 receiver is off (PARKOPS_HJ212_ENABLED=false)");
			return;
		}
		this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		this.workers = new MultiThreadIoEventLoopGroup(Math.max(1, this.settings.workerThreads()),
				NioIoHandler.newFactory());
		ServerBootstrap bootstrap = new ServerBootstrap().group(this.boss, this.workers)
			.channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, 1024)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel ch) {
					admit(ch);
				}
			});
		try {
			InetSocketAddress address = this.settings.host().isBlank() ? new InetSocketAddress(this.settings.port())
					: new InetSocketAddress(this.settings.host(), this.settings.port());
			this.server = bootstrap.bind(address).sync().channel();
			this.port = ((InetSocketAddress) this.server.localAddress()).getPort();
			lastPort = this.port;
			this.counters.startedAt.set(Instant.now());
			this.counters.listening.set(address.getHostString() + ":" + this.port);
			log.info("HJ 212 receiver listening on port {}", this.port);
		}
		catch (Exception ex) {
			log.error("HJ 212 receiver could not listen on port {} ({}); the application runs without it",
					this.settings.port(), ex.getMessage());
			this.counters.listening.set(null);
			shutdownGroups();
		}
	}

	private void admit(SocketChannel ch) {
		String address = ch.remoteAddress().getAddress().getHostAddress();
		AtomicInteger mine = this.perAddress.computeIfAbsent(address, (a) -> new AtomicInteger());
		long total = this.counters.connections.incrementAndGet();
		int fromAddress = mine.incrementAndGet();
		ch.closeFuture().addListener((f) -> {
			this.counters.connections.decrementAndGet();
			if (mine.decrementAndGet() == 0) {
				this.perAddress.remove(address, mine);
			}
		});
		if (total > this.settings.maxConnections() || fromAddress > this.settings.maxConnectionsPerAddress()) {
			this.counters.refusedConnections.incrementAndGet();
			ch.close();
			return;
		}
		Hj212FrameDecoder decoder = new Hj212FrameDecoder(this.settings.maxFrameBytes(),
				() -> this.counters.refuse(ReceiverCounters.Reason.MALFORMED, null));
		long idle = this.settings.idleTimeout().toMillis();
		ch.pipeline()
			.addLast(new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS))
			.addLast(decoder)
			.addLast(new Handler(decoder, this.settings.frameTimeout().toNanos()));
	}

	// Passes frames on, writes the answers, closes idle, dribbling and oversize senders.
	private final class Handler extends SimpleChannelInboundHandler<PacketIngest.Frame> {

		private final Hj212FrameDecoder decoder;

		private final long frameTimeoutNanos;

		private ScheduledFuture<?> timer;

		Handler(Hj212FrameDecoder decoder, long frameTimeoutNanos) {
			this.decoder = decoder;
			this.frameTimeoutNanos = frameTimeoutNanos;
		}

		@Override
		public void channelActive(ChannelHandlerContext ctx) throws Exception {
			long period = Math.max(100, Math.min(1000, this.frameTimeoutNanos / 4_000_000));
			this.timer = ctx.executor().scheduleAtFixedRate(() -> {
				long since = this.decoder.unframedSince();
				if (since != 0 && System.nanoTime() - since > this.frameTimeoutNanos) {
					Hj212Receiver.this.counters.cutOff.incrementAndGet();
					ctx.close();
				}
			}, period, period, TimeUnit.MILLISECONDS);
			super.channelActive(ctx);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) throws Exception {
			if (this.timer != null) {
				this.timer.cancel(false);
			}
			super.channelInactive(ctx);
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, PacketIngest.Frame frame) {
			Hj212Receiver.this.ingest.accept(frame).whenComplete((answer, failure) -> {
				if (failure == null && answer != null && ctx.channel().isActive()) {
					ctx.writeAndFlush(Unpooled.wrappedBuffer(answer.getBytes(StandardCharsets.US_ASCII)));
				}
			});
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
			if (event instanceof IdleStateEvent) {
				Hj212Receiver.this.counters.cutOff.incrementAndGet();
				ctx.close();
				return;
			}
			super.userEventTriggered(ctx, event);
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			if (cause.getCause() instanceof Hj212FrameDecoder.FrameTooLongException
					|| cause instanceof Hj212FrameDecoder.FrameTooLongException) {
				Hj212Receiver.this.counters.oversize.incrementAndGet();
				Hj212Receiver.this.counters.refuse(ReceiverCounters.Reason.MALFORMED, null);
			}
			Hj212Receiver.this.counters.cutOff.incrementAndGet();
			ctx.close();
		}

	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.server != null) {
			this.server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
			this.server = null;
		}
		shutdownGroups();
		this.port = -1;
		this.counters.listening.set(null);
	}

	private void shutdownGroups() {
		if (this.boss != null) {
			this.boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
			this.boss = null;
		}
		if (this.workers != null) {
			this.workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
			this.workers = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Starts after the writer and stops before it, so no answered packet is lost.
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

}
