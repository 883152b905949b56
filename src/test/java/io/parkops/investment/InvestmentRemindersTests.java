package io.parkops.investment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parkops.ParkOpsTest;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.NotificationSource;
import io.parkops.platform.ToDoSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Overdue work reminds the person it belongs to: a problem past its deadline escalates to
 * the project's own leader (to-do and top-bar reminder) and not to another leader; a lead
 * past its follow-up reminds its responsible person; an enterprise user is reminded of
 * its own projects' overdue problems.
 */
@ParkOpsTest
class InvestmentRemindersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<ToDoSource> toDoSources;

	@Autowired
	List<NotificationSource> notificationSources;

	InvestmentFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new InvestmentFixture(this.mvc);
	}

	private CurrentUser leader(String username, String displayName) {
		return new CurrentUser(1, username, displayName, Set.of("LEADER"),
				Set.of("investment:review:override", "investment:problem:read"), false, Set.of(this.f.zone), null,
				false);
	}

	private long todo(CurrentUser user, String key) {
		return this.toDoSources.stream()
			.flatMap((s) -> s.toDosFor(user, this.f.zone).stream())
			.filter((t) -> t.messageKey().equals(key))
			.mapToLong(ToDoSource.ToDo::count)
			.sum();
	}

	private long reminder(CurrentUser user, String key) {
		return this.notificationSources.stream()
			.flatMap((s) -> s.notificationsFor(user, user.isEnterpriseUser() ? null : this.f.zone).stream())
			.filter((n) -> n.messageKey().equals(key))
			.mapToLong(NotificationSource.Notification::count)
			.sum();
	}

	@Test
	void overdueWorkRemindsWhoseItIs() throws Exception {
		long p = this.f.createProject("督办项目", "SIGNED", "2024-02-01", 20000, this.f.ent1);
		this.f.put(this.f.staff, "/api/v1/projects/" + p + "/leadership", Map.of("leader", "赵主任", "version", 0))
			.andExpect(status().isOk());
		this.jdbc.sql("""
				INSERT INTO inv_problem (project_id, category, description, department, raised_on, deadline, status,
				  raised_by) VALUES (:p, 'LAND', '征收未完成', '自然资源局', DATE '2024-05-01', DATE '2024-05-20', 'OPEN', 't')
				""").param("p", p).update();
		CurrentUser own = leader("zhao-" + this.f.zone, "赵主任");
		CurrentUser other = leader("qian-" + this.f.zone, "钱主任");
		assertThat(todo(own, "todo.investment.myProblems")).isEqualTo(1);
		assertThat(reminder(own, "investment.reminder.myProblems")).isEqualTo(1);
		assertThat(todo(other, "todo.investment.myProblems")).isZero();
		assertThat(reminder(other, "investment.reminder.myProblems")).isZero();
		// the zone's list of overdue problems stays with every leader
		assertThat(todo(other, "todo.investment.problems")).isEqualTo(1);
		CurrentUser enterprise = new CurrentUser(2, "e-" + this.f.zone, "企业", Set.of("ENTERPRISE"),
				Set.of("investment:problem:read"), false, Set.of(), this.f.ent1, false);
		assertThat(reminder(enterprise, "investment.reminder.problems")).isEqualTo(1);
		CurrentUser otherEnterprise = new CurrentUser(3, "e2-" + this.f.zone, "企业二", Set.of("ENTERPRISE"),
				Set.of("investment:problem:read"), false, Set.of(), this.f.ent2, false);
		assertThat(reminder(otherEnterprise, "investment.reminder.problems")).isZero();
		// a lead past its follow-up reminds its responsible person only
		this.f.createLead("逾期跟进线索", 5000);
		this.jdbc.sql("UPDATE inv_lead SET last_activity_on = DATE '2024-01-02' WHERE zone_code = :z")
			.param("z", this.f.zone)
			.update();
		CurrentUser responsible = new CurrentUser(4, "zhang-" + this.f.zone, "张招商", Set.of("INVESTMENT_STAFF"),
				Set.of("investment:lead:edit"), false, Set.of(this.f.zone), null, false);
		CurrentUser colleague = new CurrentUser(5, "li-" + this.f.zone, "李招商", Set.of("INVESTMENT_STAFF"),
				Set.of("investment:lead:edit"), false, Set.of(this.f.zone), null, false);
		assertThat(reminder(responsible, "investment.reminder.followUps")).isEqualTo(1);
		assertThat(reminder(colleague, "investment.reminder.followUps")).isZero();
	}

}
