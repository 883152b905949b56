/**
 * Investment attraction and project construction (招商引资, 项目建设): the lead pipeline with
 * trips, receptions and the admission review, signed projects through their stages with
 * funds in place, back-planned milestones, building progress and problems to coordinate,
 * and the year's targets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Investment and projects")
package io.parkops.investment;
