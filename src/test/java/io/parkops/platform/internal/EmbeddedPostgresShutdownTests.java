package io.parkops.platform.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL's shutdown hook waits for the application contexts to close: a
 * context counts as using the server from its start until its last bean is destroyed, so
 * what its lifecycles and beans do while stopping (the HJ 212 receiver's last count
 * flush) still finds the database running.
 */
class EmbeddedPostgresShutdownTests {

	static class Recorder implements SmartLifecycle, DisposableBean {

		final AtomicInteger inUseAtStop = new AtomicInteger(-1);

		final AtomicInteger inUseAtDestroy = new AtomicInteger(-1);

		volatile boolean running;

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.inUseAtStop.set(EmbeddedPostgresEnvironment.contextsInUse());
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public void destroy() {
			this.inUseAtDestroy.set(EmbeddedPostgresEnvironment.contextsInUse());
		}

	}

	@Test
	void theServerWaitsUntilTheContextHasStoppedAndDestroyedItsBeans() throws Exception {
		int before = EmbeddedPostgresEnvironment.contextsInUse();
		GenericApplicationContext context = new GenericApplicationContext();
		EmbeddedPostgresEnvironment.inUseUntilClosed(context);
		context.registerBean(Recorder.class);
		context.refresh();
		Recorder recorder = context.getBean(Recorder.class);
		assertThat(EmbeddedPostgresEnvironment.contextsInUse()).isEqualTo(before + 1);
		// while the context is open the hook would wait (here: gives up after 50 ms)
		assertThat(EmbeddedPostgresEnvironment.awaitContextsClosed(Duration.ofMillis(50))).isFalse();

		// a hook waiting now goes on once the context has closed
		boolean[] waited = new boolean[1];
		Thread hook = new Thread(() -> waited[0] = (before > 0)
				|| EmbeddedPostgresEnvironment.awaitContextsClosed(Duration.ofSeconds(10)));
		hook.start();
		Thread.sleep(100);
		assertThat(hook.isAlive()).isEqualTo(before == 0);
		context.close();
		hook.join(10_000);

		assertThat(recorder.inUseAtStop.get()).isEqualTo(before + 1);
		assertThat(recorder.inUseAtDestroy.get()).isEqualTo(before + 1);
		assertThat(EmbeddedPostgresEnvironment.contextsInUse()).isEqualTo(before);
		assertThat(hook.isAlive()).isFalse();
		assertThat(waited[0]).isTrue();
	}

}
