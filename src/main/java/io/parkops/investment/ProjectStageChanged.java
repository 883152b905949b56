package io.parkops.investment;

import java.time.Instant;

import io.parkops.enterprise.EnterpriseEvent;

/**
 * A project (项目) of an enterprise moved to another stage (开工, 竣工, 投产 …);
 * {@code stageName} is the stage as the timeline names it.
 */
public record ProjectStageChanged(long projectId, String creditCode, String stage, String projectName,
		Instant occurredAt) implements EnterpriseEvent {

	@Override
	public String summaryKey() {
		return "investment.projectStage." + this.stage;
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
