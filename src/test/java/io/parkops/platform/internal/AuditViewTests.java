package io.parkops.platform.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.parkops.platform.AuditTrail.AuditEntry;
import io.parkops.platform.ZoneTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit page shows names, IPv4 addresses, times in the zone's time zone and changes
 * field by field (issue 9 §7).
 */
class AuditViewTests {

	@Test
	void aRecordReadsAsNamesWithItsChangeFieldByFieldAndTheLoopbackAddressAsIpv4() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("audit.action.UPDATE", Locale.SIMPLIFIED_CHINESE, "修改");
		messages.addMessage("audit.entity.enterprise", Locale.SIMPLIFIED_CHINESE, "企业");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			AuditView view = new AuditView(messages, new ZoneTime("Asia/Shanghai"), JsonMapper.builder().build());
			AuditEntry entry = new AuditEntry(7, Instant.parse("2024-06-30T16:30:00Z"), "economy", "UPDATE",
					"enterprise", "913607", "{\"name\":\"甲\",\"status\":\"BUILDING\"}",
					"{\"name\":\"甲\",\"status\":\"IN_PRODUCTION\",\"phone\":\"0797\"}", "::1", "p", "h", "HMAC-SHA256");
			AuditView.Row row = view.rows(List.of(entry)).get(0);
			assertThat(row.actionName()).isEqualTo("修改");
			assertThat(row.entityName()).isEqualTo("企业");
			assertThat(row.time()).isEqualTo("2024-07-01 00:30:00");
			assertThat(row.address()).isEqualTo("127.0.0.1");
			assertThat(row.changes()).containsExactly(
					new AuditView.FieldChange("status", "BUILDING", "IN_PRODUCTION", true),
					new AuditView.FieldChange("phone", "", "0797", true),
					new AuditView.FieldChange("name", "甲", "甲", false));
			assertThat(AuditView.address("::ffff:10.1.2.3")).isEqualTo("10.1.2.3");
			assertThat(AuditView.address("0:0:0:0:0:0:0:1")).isEqualTo("127.0.0.1");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void timesFollowTheConfiguredTimeZone() {
		Instant instant = Instant.parse("2024-06-30T16:30:00Z");
		assertThat(new ZoneTime("Asia/Shanghai").format(instant)).isEqualTo("2024-07-01 00:30");
		assertThat(new ZoneTime("UTC").format(instant)).isEqualTo("2024-06-30 16:30");
	}

}
