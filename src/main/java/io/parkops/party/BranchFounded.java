package io.parkops.party;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * A party branch covering the enterprise was founded (the enterprise's timeline).
 *
 * @param creditCode the enterprise covered
 * @param occurredAt when the branch was founded
 * @param branchName the branch's name
 * @param organisationId the branch
 */
public record BranchFounded(String creditCode, Instant occurredAt, String branchName,
		long organisationId) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "party.branchFounded";
	}

	@Override
	public String summaryArgument() {
		return this.branchName;
	}

	@Override
	public String link() {
		return "/party/organisations/" + this.organisationId;
	}

}
