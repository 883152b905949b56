package io.parkops.platform.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.parkops.ParkOpsTest;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionDeclaration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission catalogue and the menu are built from the modules' declarations: every
 * permission in the database is declared, a new permission reaches its default roles
 * once, and a grant a security administrator removed is not given again.
 */
@ParkOpsTest
class PermissionCatalogueTests {

	@Autowired
	PermissionCatalogue catalogue;

	@Autowired
	Menu menu;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyPermissionInTheDatabaseIsDeclaredByAModuleWithItsLabels() {
		Set<String> stored = new TreeSet<>(this.jdbc.sql("SELECT code FROM permission").query(String.class).list());
		assertThat(this.catalogue.declarations().keySet()).as("declared by a PermissionContributor")
			.containsAll(stored.stream().filter((c) -> !c.startsWith("test:")).toList());
		assertThat(stored).containsAll(this.catalogue.declarations().keySet());
		assertThat(this.jdbc.sql("SELECT name_zh FROM permission WHERE code = 'safety:hazard:accept'")
			.query(String.class)
			.single()).isEqualTo("隐患验收销号");
		assertThat(this.jdbc.sql("SELECT count(*) FROM permission WHERE declared_at IS NULL AND code NOT LIKE 'test:%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aNewPermissionReachesItsDefaultRolesOnceAndARemovedGrantStaysRemoved() {
		PermissionDeclaration widget = PermissionDeclaration.of("test:widget:read", "部件查看", "View widgets", "LEADER",
				"PARTY_STAFF");
		try {
			this.catalogue.synchronise(List.of(widget));
			assertThat(holders("test:widget:read")).containsExactly("LEADER", "PARTY_STAFF");
			// the security administrator takes it from the leader; a restart does not
			// give it back
			this.jdbc
				.sql("DELETE FROM role_permission WHERE permission_code = 'test:widget:read' AND role_code = 'LEADER'")
				.update();
			this.catalogue.synchronise(List.of(widget));
			assertThat(holders("test:widget:read")).containsExactly("PARTY_STAFF");
			// a default role added later is granted once
			PermissionDeclaration wider = PermissionDeclaration.of("test:widget:read", "部件查看", "View widgets", "LEADER",
					"PARTY_STAFF", "LAND_STAFF");
			this.catalogue.synchronise(List.of(wider));
			assertThat(holders("test:widget:read")).containsExactly("LAND_STAFF", "PARTY_STAFF");
		}
		finally {
			this.jdbc.sql("DELETE FROM permission WHERE code LIKE 'test:%'").update();
			this.jdbc.sql("DELETE FROM permission_seed WHERE permission_code LIKE 'test:%'").update();
		}
	}

	@Test
	void aPermissionAMigrationCreatedKeepsTheGrantsItHasWhenFirstDeclared() {
		try {
			this.jdbc
				.sql("""
						INSERT INTO permission (code, module, name_zh, name_en) VALUES ('test:legacy:read', 'test', '旧', 'Old')
						""")
				.update();
			this.jdbc.sql(
					"INSERT INTO role_permission (role_code, permission_code) VALUES ('LAND_STAFF', 'test:legacy:read')")
				.update();
			this.catalogue.synchronise(List
				.of(PermissionDeclaration.of("test:legacy:read", "旧功能查看", "View old things", "LAND_STAFF", "LEADER")));
			// the leader lost it before the declaration existed (or never had it): not
			// granted now
			assertThat(holders("test:legacy:read")).containsExactly("LAND_STAFF");
			assertThat(this.jdbc.sql("SELECT name_zh FROM permission WHERE code = 'test:legacy:read'")
				.query(String.class)
				.single()).isEqualTo("旧功能查看");
		}
		finally {
			this.jdbc.sql("DELETE FROM permission WHERE code LIKE 'test:%'").update();
			this.jdbc.sql("DELETE FROM permission_seed WHERE permission_code LIKE 'test:%'").update();
		}
	}

	@Test
	void theMenuShowsEachUserTheEntriesOfTheirPermissionsUnderTheirGroups() {
		CurrentUser safety = user(false, "safety:inspection:read", "safety:hazard:read", "enterprise:enterprise:read");
		List<Menu.Group> groups = this.menu.visibleTo(safety);
		assertThat(groups).extracting(Menu.Group::labelKey)
			.containsExactly(null, "menu.group.work", "menu.group.safety", "menu.group.help");
		assertThat(groups.get(2).entries()).extracting(MenuEntry::path)
			.containsExactly("/safety", "/safety/inspections", "/safety/hazards");
		MenuEntry hazards = groups.get(2).entries().get(2);
		assertThat(hazards.activeFor("/safety/hazards/12")).isTrue();
		assertThat(groups.get(2).entries().get(0).activeFor("/safety/hazards")).isFalse();
		// an enterprise user gets its own monthly form, staff with the same permission do
		// not
		CurrentUser enterprise = user(true, "economy:monthly:submit", "economy:monthly:import");
		assertThat(this.menu.visibleTo(enterprise).stream().flatMap((g) -> g.entries().stream()))
			.extracting(MenuEntry::path)
			.contains("/economy/monthly");
		assertThat(this.menu.visibleTo(user(false, "economy:monthly:submit"))
			.stream()
			.flatMap((g) -> g.entries().stream())).extracting(MenuEntry::path).doesNotContain("/economy/monthly");
	}

	private static CurrentUser user(boolean enterprise, String... permissions) {
		return new CurrentUser(1, "u", "U", Set.of(), Set.of(permissions), true, Set.of(),
				enterprise ? "91360727MA35LGHK7K" : null, false);
	}

	private List<String> holders(String permission) {
		return this.jdbc.sql("SELECT role_code FROM role_permission WHERE permission_code = :p ORDER BY role_code")
			.param("p", permission)
			.query(String.class)
			.list();
	}

}
