package io.parkops.platform.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the modules' permission declarations into the {@code permission} table at start
 * and grants a new permission to its default roles once. A permission a migration created
 * before any declaration met it keeps the grants it has (they are recorded as seeded);
 * after that, only default roles never seeded before are granted, so a grant a security
 * administrator removed stays removed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PermissionCatalogue implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PermissionCatalogue.class);

	private static final long LOCK = 0x5045524d43415400L;

	private final JdbcClient jdbc;

	private final ObjectProvider<PermissionContributor> contributors;

	private final TransactionTemplate tx;

	PermissionCatalogue(JdbcClient jdbc, ObjectProvider<PermissionContributor> contributors, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.contributors = contributors;
		this.tx = tx;
	}

	/** All declared permissions by code; two modules declaring one code is an error. */
	Map<String, PermissionDeclaration> declarations() {
		Map<String, PermissionDeclaration> all = new LinkedHashMap<>();
		this.contributors.orderedStream().forEach((c) -> c.permissions().forEach((p) -> {
			if (all.putIfAbsent(p.code(), p) != null) {
				throw new IllegalStateException("Permission " + p.code() + " is declared twice");
			}
		}));
		return all;
	}

	@Override
	public void run(ApplicationArguments args) {
		synchronise(declarations().values());
	}

	void synchronise(Collection<PermissionDeclaration> declared) {
		this.tx.executeWithoutResult((status) -> {
			// several nodes starting at once: one writes, the others then find nothing to
			// do
			this.jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", LOCK).query((rs, n) -> 1).list();
			Set<String> roles = new TreeSet<>(this.jdbc.sql("SELECT code FROM role").query(String.class).list());
			for (PermissionDeclaration p : declared) {
				synchronise(p, roles);
			}
		});
	}

	private void synchronise(PermissionDeclaration p, Set<String> roles) {
		List<Boolean> existing = this.jdbc.sql("SELECT declared_at IS NOT NULL FROM permission WHERE code = :c")
			.param("c", p.code())
			.query(Boolean.class)
			.list();
		List<String> defaults = new ArrayList<>();
		for (String role : p.defaultRoles()) {
			if (roles.contains(role)) {
				defaults.add(role);
			}
			else {
				log.warn("Permission {} names the unknown role {} as a default; ignored", p.code(), role);
			}
		}
		if (existing.isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO permission (code, module, name_zh, name_en, declared_at)
					VALUES (:c, :m, :zh, :en, now())
					""")
				.param("c", p.code())
				.param("m", p.module())
				.param("zh", p.nameZh())
				.param("en", p.nameEn())
				.update();
			defaults.forEach((role) -> grantOnce(p.code(), role));
			return;
		}
		this.jdbc
			.sql("""
					UPDATE permission SET module = :m, name_zh = :zh, name_en = :en, declared_at = COALESCE(declared_at, now())
					WHERE code = :c AND (module <> :m OR name_zh <> :zh OR name_en <> :en OR declared_at IS NULL)
					""")
			.param("c", p.code())
			.param("m", p.module())
			.param("zh", p.nameZh())
			.param("en", p.nameEn())
			.update();
		if (!existing.get(0)) {
			// created by a migration, which made its own grants: they are the seed
			defaults.forEach((role) -> recordSeed(p.code(), role));
			return;
		}
		defaults.forEach((role) -> grantOnce(p.code(), role));
	}

	private void grantOnce(String permission, String role) {
		if (recordSeed(permission, role)) {
			this.jdbc.sql("""
					INSERT INTO role_permission (role_code, permission_code) VALUES (:r, :p) ON CONFLICT DO NOTHING
					""").param("r", role).param("p", permission).update();
		}
	}

	/** Records a default grant; false when it had been recorded before. */
	private boolean recordSeed(String permission, String role) {
		return this.jdbc.sql("""
				INSERT INTO permission_seed (permission_code, role_code) VALUES (:p, :r) ON CONFLICT DO NOTHING
				""").param("p", permission).param("r", role).update() == 1;
	}

}
