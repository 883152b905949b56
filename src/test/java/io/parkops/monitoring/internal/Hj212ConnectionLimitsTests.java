package io.parkops.monitoring.internal;

import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver's protection of its connections, on a real socket with small limits: a
 * silent connection and a sender dribbling bytes that make no frame are closed, and
 * connections beyond the per-address limit are closed at once while those already open
 * stay.
 */
class Hj212ConnectionLimitsTests {

	Hj212Receiver receiver;

	ReceiverCounters counters;

	int previousPort;

	@BeforeEach
	void start() {
		// the fixtures of the other tests find the application's receiver by lastPort
		this.previousPort = Hj212Receiver.lastPort;
		MonitoringProperties.Receiver limits = new MonitoringProperties.Receiver(true, 0, "127.0.0.1", 10011,
				Duration.ofMillis(3000), Duration.ofMillis(400), 100, 2, 1, 500);
		MonitoringProperties properties = new MonitoringProperties(limits, Duration.ofMinutes(30), Duration.ofHours(4),
				7, Map.of(), 36, Duration.ofSeconds(30), "",
				new MonitoringProperties.Simulator(false, Duration.ofMinutes(1)));
		this.counters = new ReceiverCounters();
		this.receiver = new Hj212Receiver(properties, null, this.counters);
		this.receiver.start();
		assertThat(this.receiver.port()).isPositive();
	}

	@AfterEach
	void stop() {
		this.receiver.stop();
		Hj212Receiver.lastPort = this.previousPort;
	}

	private Socket connect() throws Exception {
		Socket socket = new Socket("127.0.0.1", this.receiver.port());
		socket.setSoTimeout(5000);
		return socket;
	}

	// Whether the receiver closed the connection (read answers the end of the stream).
	private static boolean closedWithin(Socket socket, int millis) throws Exception {
		socket.setSoTimeout(millis);
		try {
			return socket.getInputStream().read() < 0;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (java.net.SocketException ex) {
			return true;
		}
	}

	@Test
	void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
		try (Socket socket = connect()) {
			long started = System.nanoTime();
			assertThat(closedWithin(socket, 5000)).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
		}
		assertThat(this.counters.cutOff.get()).isEqualTo(1);
	}

	@Test
	void aSenderDribblingBytesThatMakeNoFrameIsClosed() throws Exception {
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			String start = "##0087QN=2024060108585722";
			boolean closed = false;
			// a byte every 100 ms keeps the connection from being idle, but no frame
			// comes
			for (int i = 0; i < start.length() && !closed; i++) {
				try {
					out.write(start.charAt(i));
					out.flush();
				}
				catch (java.io.IOException ex) {
					closed = true;
				}
				closed = closed || closedWithin(socket, 100);
			}
			assertThat(closed).isTrue();
		}
		assertThat(this.counters.cutOff.get()).isEqualTo(1);
	}

	@Test
	void connectionsBeyondTheLimitAreClosedAtOnceAndTheOthersStay() throws Exception {
		try (Socket first = connect(); Socket second = connect(); Socket third = connect()) {
			assertThat(closedWithin(third, 1000)).isTrue();
			assertThat(this.counters.refusedConnections.get()).isEqualTo(1);
			// the first two are still open
			assertThat(closedWithin(first, 200)).isFalse();
			assertThat(closedWithin(second, 200)).isFalse();
		}
	}

}
