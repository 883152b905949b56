/**
 * Environmental online monitoring (环保在线监测): the HJ 212 receiver the data loggers (数采仪) of
 * the outfalls and stacks send to, the monitoring points with their factors and permit
 * limits, the stored series and the exceedance, instrument and offline alarms that feed
 * hazard management.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Environmental monitoring")
package io.parkops.monitoring;
