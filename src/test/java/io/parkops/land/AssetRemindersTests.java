package io.parkops.land;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.NotificationSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tenant's reminders: rent past its due date and a lease ending within the expiry
 * window reach the tenant enterprise's user, counting its own leases only, and no other
 * enterprise; the zone's land staff see the zone's arrears over 90 days, staff of another
 * zone nothing of it.
 */
@ParkOpsTest
class AssetRemindersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	List<NotificationSource> sources;

	private long reminder(CurrentUser user, String zone, String key) {
		return this.sources.stream()
			.flatMap((s) -> s.notificationsFor(user, zone).stream())
			.filter((n) -> n.messageKey().equals(key))
			.mapToLong(NotificationSource.Notification::count)
			.sum();
	}

	private static CurrentUser enterpriseUser(long id, String creditCode) {
		return new CurrentUser(id, "tenant-" + id, "租户", Set.of("ENTERPRISE"), Set.of("land:asset:read"), false,
				Set.of(), creditCode, false);
	}

	private static CurrentUser staff(long id, String zone) {
		return new CurrentUser(id, "asset-" + id, "资产专员", Set.of("LAND_STAFF"), Set.of("land:asset:read"), false,
				Set.of(zone), null, false);
	}

	private long unit(LandFixture f, String unit) throws Exception {
		return ((Number) TestApi.read(f
			.post(f.staff, "/api/v1/assets/units",
					Map.of("zoneCode", f.zone, "building", "3号标准厂房", "unit", unit, "kind", "FACTORY", "areaM2", 500))
			.andExpect(status().isCreated())
			.andReturn(), "$.id")).longValue();
	}

	private long lease(LandFixture f, long unit, String tenant, LocalDate from, LocalDate to) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("unitId", unit);
		body.put("tenantCreditCode", tenant);
		body.put("from", from.toString());
		body.put("to", to.toString());
		body.put("rentPerM2Month", 12);
		return ((Number) TestApi
			.read(f.post(f.staff, "/api/v1/assets/leases", body).andExpect(status().isCreated()).andReturn(), "$.id"))
			.longValue();
	}

	@Test
	void leaseExpiryAndOverdueRentRemindTheTenantOnly() throws Exception {
		LandFixture f = new LandFixture(this.mvc);
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		// ent1: a lease begun five months ago, nothing paid, ending in 30 days; and a
		// second
		// one, fully paid and ending in two years
		long owing = lease(f, unit(f, "101"), f.ent1, today.minusMonths(5).withDayOfMonth(1), today.plusDays(30));
		long paid = lease(f, unit(f, "102"), f.ent1, today.withDayOfMonth(1), today.plusYears(2));
		f.post(f.staff, "/api/v1/assets/payments", Map.of("leaseId", paid, "on", today.toString(), "amount", 6000))
			.andExpect(status().isCreated());
		// ent3 (without a user here) owes too: it must not count for ent1 or ent2
		lease(f, unit(f, "103"), f.ent3, today.minusMonths(6).withDayOfMonth(1), today.plusDays(10));

		CurrentUser tenant1 = enterpriseUser(9101, f.ent1);
		assertThat(reminder(tenant1, null, "land.reminder.myRentOverdue")).isEqualTo(1);
		assertThat(reminder(tenant1, null, "land.reminder.myLeaseExpiring")).isEqualTo(1);
		// staff-only reminders do not reach the tenant
		assertThat(reminder(tenant1, f.zone, "land.reminder.arrears90")).isZero();

		// ent2 has no lease: nothing, even though its zone's other tenants owe
		CurrentUser tenant2 = enterpriseUser(9102, f.ent2);
		assertThat(reminder(tenant2, null, "land.reminder.myRentOverdue")).isZero();
		assertThat(reminder(tenant2, null, "land.reminder.myLeaseExpiring")).isZero();

		// the zone's staff: the two leases owing over 90 days; no tenant reminder
		CurrentUser staff = staff(9103, f.zone);
		assertThat(reminder(staff, f.zone, "land.reminder.arrears90")).isEqualTo(2);
		assertThat(reminder(staff, f.zone, "land.reminder.myRentOverdue")).isZero();
		assertThat(reminder(staff, f.zone, "land.reminder.myLeaseExpiring")).isZero();
		// staff of another zone see nothing of this one
		assertThat(reminder(staff(9104, f.otherZone), f.zone, "land.reminder.arrears90")).isZero();

		// once ent1 pays what it owes, the rent reminder goes; the expiry one stays
		Number owed = TestApi.read(f.get(f.staff, "/api/v1/assets/leases/" + owing).andReturn(), "$.arrears");
		assertThat(owed.doubleValue()).isPositive();
		f.post(f.staff, "/api/v1/assets/payments", Map.of("leaseId", owing, "on", today.toString(), "amount", owed))
			.andExpect(status().isCreated());
		assertThat(reminder(tenant1, null, "land.reminder.myRentOverdue")).isZero();
		assertThat(reminder(tenant1, null, "land.reminder.myLeaseExpiring")).isEqualTo(1);
	}

}
