/**
 * The leadership cockpit (领导驾驶舱): the zone's headline figures on one page and on the
 * command-centre wall (大屏), drawn from the work lines' own statistics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leadership cockpit")
package io.parkops.cockpit;
