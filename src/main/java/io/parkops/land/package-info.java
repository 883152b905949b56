/**
 * Land, assets and per-mu evaluation (要素保障): parcels with their boundaries,
 * expropriation, approval batches, supply with the 标准地 indicators, the idle-land clock
 * and disposals, the yearly 亩均效益评价, and the platform company's units, leases and rent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Land, assets and per-mu evaluation")
package io.parkops.land;
