package io.parkops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Runs the same kind of write from many threads released at once, for the tests of issue
 * 8 §4 (concurrent writes lose nothing): each writer waits at a latch until all are
 * ready, so their requests really overlap.
 */
public final class ParallelWriters {

	private ParallelWriters() {
	}

	/** One writer: its index (0…n-1) gives it something of its own to write. */
	@FunctionalInterface
	public interface Writer {

		ResultActions write(int index) throws Exception;

	}

	/** Runs {@code n} writers at once and answers their results in index order. */
	public static List<MvcResult> run(int n, Writer writer) throws Exception {
		return call(n, (i) -> writer.write(i).andReturn());
	}

	/** Runs {@code n} calls at once (a service, a store) and answers their outcomes. */
	public static <T> List<T> call(int n, IndexedCall<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch ready = new CountDownLatch(n);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				Callable<T> task = () -> {
					ready.countDown();
					go.await();
					return call.call(index);
				};
				futures.add(pool.submit(task));
			}
			ready.await(30, TimeUnit.SECONDS);
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** A call with the writer's index. */
	@FunctionalInterface
	public interface IndexedCall<T> {

		T call(int index) throws Exception;

	}

	/** The results with the given status. */
	public static List<MvcResult> withStatus(List<MvcResult> results, int status) {
		return results.stream().filter((r) -> r.getResponse().getStatus() == status).toList();
	}

}
