package io.parkops.investment.internal;

import java.util.List;
import java.util.regex.Pattern;

import io.parkops.investment.internal.InvestmentViews.TaskForceMemberView;
import io.parkops.investment.internal.Kinds.ProjectStage;
import io.parkops.investment.internal.Kinds.TaskForceRole;
import io.parkops.platform.SealedBox;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一套专班: the members of a project's task force, added, corrected (with their version:
 * stale → 409) and removed one by one by the zone's staff; at most one 专班长 per project (a
 * second → 409). Phones are encrypted at rest ({@link TaskForceStore}) and audited
 * masked.
 */
@Service
public class TaskForceService {

	/**
	 * Digits, spaces and hyphens, an optional leading +, as the party members' phones.
	 */
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final TaskForceStore store;

	private final AuditTrail audit;

	TaskForceService(JdbcClient jdbc, ProjectService projects, TaskForceStore store, AuditTrail audit) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.store = store;
		this.audit = audit;
	}

	/** A project's task force, the 专班长 first; for whoever may see the project. */
	public List<TaskForceMemberView> members(long projectId) {
		this.projects.visibleRow(projectId);
		return this.store.members(List.of(projectId)).getOrDefault(projectId, List.of());
	}

	/** The project a member belongs to (404 when there is no such member). */
	public long projectOf(long memberId) {
		return findRow(memberId).projectId();
	}

	private record Checked(String name, String department, TaskForceRole role, String phone) {
	}

	private static Checked check(InvestmentCommands.TaskForceMember cmd) {
		Inputs in = new Inputs();
		String name = in.text(cmd.name(), "name", 32, true);
		String department = in.text(cmd.department(), "department", 100, true);
		TaskForceRole role = in.choice(TaskForceRole.class, cmd.role(), "role", true);
		String phone = in.text(cmd.phone(), "phone", 20, false);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			in.problem("phone", "error.investment.phone");
		}
		in.check();
		return new Checked(name, department, role, (phone != null) ? phone.replaceAll("[ -]", "") : null);
	}

	private TaskForceStore.MemberRow findRow(long memberId) {
		return this.jdbc.sql(TaskForceStore.MEMBER + " WHERE id = :id")
			.param("id", memberId)
			.query((rs, n) -> this.store.row(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.investment.memberNotFound", memberId));
	}

	/** The member as the audit trail keeps it: the phone masked, never in plain text. */
	private TaskForceMemberView audited(TaskForceStore.MemberRow row) {
		TaskForceMemberView v = this.store.view(row);
		return new TaskForceMemberView(v.id(), v.projectId(), v.name(), v.department(), v.role(),
				SealedBox.maskPhone(this.store.decrypt(row.phone())), v.seq(), v.version());
	}

	private static void requireOpen(ProjectService.Row project) {
		if (project.stage() == ProjectStage.CANCELLED) {
			throw new ConflictException("error.investment.projectCancelled");
		}
	}

	private void leadFree(long projectId, TaskForceRole role, long exceptMember) {
		if (role != TaskForceRole.LEAD) {
			return;
		}
		boolean taken = this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM inv_task_force_member WHERE project_id = :p AND role = 'LEAD' AND id <> :m)
				""").param("p", projectId).param("m", exceptMember).query(Boolean.class).single();
		if (taken) {
			throw new ConflictException("error.investment.taskForceLeadTaken");
		}
	}

	@Transactional
	public TaskForceMemberView add(long projectId, InvestmentCommands.TaskForceMember cmd) {
		ProjectService.Row project = this.projects.editableRow(projectId);
		Checked c = check(cmd);
		requireOpen(project);
		leadFree(projectId, c.role(), 0);
		long id;
		try {
			id = this.jdbc
				.sql("""
						INSERT INTO inv_task_force_member (project_id, name, department, role, phone_cipher, seq, created_by)
						VALUES (:p, :name, :dep, :role, :phone,
						  (SELECT coalesce(max(seq), 0) + 1 FROM inv_task_force_member WHERE project_id = :p), :by)
						RETURNING id
						""")
				.param("p", projectId)
				.param("name", c.name())
				.param("dep", c.department())
				.param("role", c.role().name())
				.param("phone", this.store.encrypt(c.phone()))
				.param("by", CurrentUser.usernameOrSystem())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("error.investment.taskForceLeadTaken");
		}
		TaskForceStore.MemberRow saved = findRow(id);
		this.audit.recordChange("CREATE", "inv_task_force_member", Long.toString(id), null, audited(saved));
		return this.store.view(saved);
	}

	@Transactional
	public TaskForceMemberView update(long memberId, InvestmentCommands.TaskForceMember cmd) {
		TaskForceStore.MemberRow before = findRow(memberId);
		ProjectService.Row project = this.projects.editableRow(before.projectId());
		Checked c = check(cmd);
		long version = Versions.required(cmd.version());
		requireOpen(project);
		leadFree(before.projectId(), c.role(), memberId);
		boolean remove = Boolean.TRUE.equals(cmd.removePhone()) && c.phone() == null;
		boolean keep = c.phone() == null && !remove;
		int rows;
		try {
			rows = this.jdbc.sql("""
					UPDATE inv_task_force_member SET name = :name, department = :dep, role = :role,
					  phone_cipher = CASE WHEN :keep THEN phone_cipher ELSE :phone END, version = version + 1
					WHERE id = :id AND version = :v
					""")
				.param("name", c.name())
				.param("dep", c.department())
				.param("role", c.role().name())
				.param("keep", keep)
				.param("phone", this.store.encrypt(c.phone()))
				.param("id", memberId)
				.param("v", version)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("error.investment.taskForceLeadTaken");
		}
		Versions.updated(rows);
		TaskForceStore.MemberRow saved = findRow(memberId);
		this.audit.recordChange("UPDATE", "inv_task_force_member", Long.toString(memberId), audited(before),
				audited(saved));
		return this.store.view(saved);
	}

	@Transactional
	public void remove(long memberId, Long version) {
		TaskForceStore.MemberRow before = findRow(memberId);
		ProjectService.Row project = this.projects.editableRow(before.projectId());
		long v = Versions.required(version);
		requireOpen(project);
		Versions.updated(this.jdbc.sql("DELETE FROM inv_task_force_member WHERE id = :id AND version = :v")
			.param("id", memberId)
			.param("v", v)
			.update());
		this.audit.recordChange("DELETE", "inv_task_force_member", Long.toString(memberId), audited(before), null);
	}

}
