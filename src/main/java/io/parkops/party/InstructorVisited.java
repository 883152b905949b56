package io.parkops.party;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * A 党建指导员 visited the enterprise (the enterprise's timeline).
 *
 * @param creditCode the enterprise visited
 * @param occurredAt the day of the visit
 * @param instructorName who visited
 * @param instructorId the instructor
 */
public record InstructorVisited(String creditCode, Instant occurredAt, String instructorName,
		long instructorId) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "party.instructorVisited";
	}

	@Override
	public String summaryArgument() {
		return this.instructorName;
	}

	@Override
	public String link() {
		return "/party/instructors/" + this.instructorId;
	}

}
