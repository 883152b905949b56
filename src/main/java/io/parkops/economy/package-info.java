/**
 * Economic operation monitoring (经济运行监测): the enterprises' monthly figures, zone-level
 * figures, targets and the statistics computed the way the statistics bureau computes
 * them. Other modules use {@link io.parkops.economy.EconomyStatistics}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Economic operation")
package io.parkops.economy;
