package io.parkops.investment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.parkops.investment.internal.Kinds.Light;
import io.parkops.investment.internal.Kinds.MilestoneStatus;
import io.parkops.investment.internal.Kinds.ProjectStage;

/**
 * 工期倒排: milestones planned backwards from the target production date, each milestone's
 * state today, and the project's light and place in the ranking (进度排位) by how far ahead
 * or behind it is.
 */
public final class Schedule {

	private Schedule() {
	}

	/** A milestone as planned, with the day it was done (or null). */
	public record Milestone(String code, int seq, LocalDate plannedOn, LocalDate doneOn) {
	}

	/** The milestones of the template, planned back from the target production date. */
	public static List<Milestone> plan(LocalDate targetProductionOn,
			List<InvestmentProperties.MilestoneTemplate> template) {
		List<Milestone> planned = new ArrayList<>();
		int seq = 1;
		for (InvestmentProperties.MilestoneTemplate t : template) {
			planned.add(new Milestone(t.code(), seq++, targetProductionOn.minusDays(t.daysBefore()), null));
		}
		return planned;
	}

	/** Done; late (its date passed); at risk (due within {@code atRiskDays}); on time. */
	public static MilestoneStatus status(Milestone m, LocalDate today, int atRiskDays) {
		if (m.doneOn() != null) {
			return MilestoneStatus.DONE;
		}
		if (m.plannedOn().isBefore(today)) {
			return MilestoneStatus.LATE;
		}
		if (!m.plannedOn().isAfter(today.plusDays(atRiskDays))) {
			return MilestoneStatus.AT_RISK;
		}
		return MilestoneStatus.ON_TIME;
	}

	/**
	 * How far the project is ahead (positive) or behind (negative) in days: behind by the
	 * most overdue milestone not done; otherwise ahead by how early the last milestone
	 * done was done.
	 */
	public static long deltaDays(List<Milestone> milestones, LocalDate today) {
		long behind = 0;
		for (Milestone m : milestones) {
			if (m.doneOn() == null && m.plannedOn().isBefore(today)) {
				behind = Math.max(behind, ChronoUnit.DAYS.between(m.plannedOn(), today));
			}
		}
		if (behind > 0) {
			return -behind;
		}
		Milestone lastDone = null;
		for (Milestone m : milestones) {
			if (m.doneOn() != null && (lastDone == null || m.seq() > lastDone.seq())) {
				lastDone = m;
			}
		}
		return (lastDone != null) ? ChronoUnit.DAYS.between(lastDone.doneOn(), lastDone.plannedOn()) : 0;
	}

	/**
	 * The delta as a share of the schedule's span (from signing, or the first milestone,
	 * to the target production date) in percent, exact to four decimals; negative behind.
	 */
	public static BigDecimal deltaPct(List<Milestone> milestones, LocalDate signedOn, LocalDate targetProductionOn,
			LocalDate today) {
		if (milestones.isEmpty()) {
			return BigDecimal.ZERO;
		}
		return deltaPct(milestones.get(0).plannedOn(), deltaDays(milestones, today), signedOn, targetProductionOn);
	}

	/**
	 * The same from what a query sums per project: the first milestone's planned date
	 * (null without milestones) and {@link #deltaDays}.
	 */
	public static BigDecimal deltaPct(LocalDate firstPlannedOn, long deltaDays, LocalDate signedOn,
			LocalDate targetProductionOn) {
		if (firstPlannedOn == null || targetProductionOn == null) {
			return BigDecimal.ZERO;
		}
		LocalDate start = firstPlannedOn;
		if (signedOn != null && signedOn.isBefore(start)) {
			start = signedOn;
		}
		long span = Math.max(1, ChronoUnit.DAYS.between(start, targetProductionOn));
		return BigDecimal.valueOf(deltaDays * 100).divide(BigDecimal.valueOf(span), 4, RoundingMode.HALF_UP);
	}

	/**
	 * The light: red when stalled, when behind by more than {@code redBehindPct} of the
	 * schedule or not started {@code notStartedMonths} after signing; amber when behind
	 * by {@code amberBehindPct} or more; green otherwise (and once in production).
	 */
	public static Light light(ProjectStage stage, LocalDate signedOn, LocalDate startedOn, BigDecimal deltaPct,
			LocalDate today, InvestmentProperties p) {
		if (stage == ProjectStage.IN_PRODUCTION || stage == ProjectStage.AT_CAPACITY) {
			return Light.GREEN;
		}
		if (stage == ProjectStage.STALLED) {
			return Light.RED;
		}
		if (signedOn != null && startedOn == null && !stage.started()
				&& signedOn.plusMonths(p.notStartedMonths()).isBefore(today)) {
			return Light.RED;
		}
		BigDecimal behind = deltaPct.negate();
		if (behind.compareTo(p.redBehindPct()) > 0) {
			return Light.RED;
		}
		if (behind.compareTo(p.amberBehindPct()) >= 0) {
			return Light.AMBER;
		}
		return Light.GREEN;
	}

}
