package io.parkops.platform;

import java.util.Random;

/**
 * Adds a module's records to the demo zone on the first start (unless
 * {@code PARKOPS_DEMO=false}). Contributors run in {@link #order()} after the platform
 * has created the zone and staff users.
 */
public interface DemoDataContributor {

	int order();

	void contribute(DemoContext context);

	/**
	 * What a contributor gets: the demo zone, a seeded random source (the same data every
	 * time) and the password of the demo accounts.
	 */
	record DemoContext(String zoneCode, Random random, String demoPassword) {
	}

}
