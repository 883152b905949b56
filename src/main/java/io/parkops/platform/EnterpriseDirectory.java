package io.parkops.platform;

import java.util.Optional;

/**
 * Implemented by the enterprise module so the platform can bind enterprise users to an
 * enterprise without depending on that module.
 */
public interface EnterpriseDirectory {

	/** The zone of the enterprise with this credit code, if it is registered. */
	Optional<String> zoneOf(String creditCode);

}
