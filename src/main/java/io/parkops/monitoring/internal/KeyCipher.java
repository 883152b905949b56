package io.parkops.monitoring.internal;

import io.parkops.platform.SealedBox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

// Encrypts the points' SM4 keys at rest (AES-256-GCM through the platform's SealedBox) under
// PARKOPS_MONITORING_KEY_SECRET. Only with the embedded database may it be missing (a
// development secret and a warning); against a database server the application refuses
// to start without it. Stored form: the 12-byte nonce, then the ciphertext with its tag.
@Component
class KeyCipher {

	private final SealedBox box;

	KeyCipher(MonitoringProperties properties, @Value("${parkops.embedded.active:false}") boolean embedded) {
		this.box = SealedBox.of("PARKOPS_MONITORING_KEY_SECRET", properties.keySecret(), embedded,
				"parkops-monitoring-development-secret-embedded-only", "monitoring_point_key");
	}

	byte[] encrypt(byte[] sm4Key) {
		return this.box.seal(sm4Key);
	}

	byte[] decrypt(byte[] stored) {
		return this.box.open(stored);
	}

}
