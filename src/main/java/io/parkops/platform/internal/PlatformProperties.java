package io.parkops.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform module ({@code parkops.*}).
 *
 * @param dataDir where the embedded database and uploaded files live
 * @param adminPassword the first administrator's password; generated and printed when
 * empty
 * @param demo whether to load the demo zone on first start
 */
@ConfigurationProperties("parkops")
public record PlatformProperties(@DefaultValue("./data") String dataDir, String adminPassword,
		@DefaultValue("true") boolean demo, @DefaultValue Security security) {

	/** Sign-in and token rules. */
	public record Security(@DefaultValue("8h") Duration tokenTtl, @DefaultValue("5") int maxFailedLogins,
			@DefaultValue("15m") Duration lockDuration) {
	}

}
