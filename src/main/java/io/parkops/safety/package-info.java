/**
 * Safety and environment supervision (安全环保): inspections, hazards driven to acceptance
 * (销号), notices, penalties, complaints, patrols and the duty roster, and the figures the
 * work reports quote.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety and environment")
package io.parkops.safety;
