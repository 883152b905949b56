package io.parkops.enterprise;

import java.time.Instant;

/**
 * Where every module puts its events about an enterprise, so that the enterprise's file
 * (一企一档) tells its whole story on one timeline.
 */
public interface EnterpriseTimeline {

	/**
	 * Adds an event to the enterprise's timeline.
	 * @param creditCode the enterprise
	 * @param occurredAt when it happened
	 * @param module the module's name (e.g. {@code safety})
	 * @param summary one sentence for people, in the language it was recorded in
	 * @param link a page about the event, or null
	 */
	void record(String creditCode, Instant occurredAt, String module, String summary, String link);

}
