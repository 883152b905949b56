package io.parkops.investment;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * A project (项目) of an enterprise was signed (签约).
 */
public record ProjectSigned(long projectId, String creditCode, String projectName,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "investment.projectSigned";
	}

	@Override
	public String summaryArgument() {
		return this.projectName;
	}

	@Override
	public String link() {
		return "/investment/projects/" + this.projectId;
	}

}
