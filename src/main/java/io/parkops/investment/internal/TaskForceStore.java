package io.parkops.investment.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parkops.investment.internal.InvestmentViews.TaskForceMemberView;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.SealedBox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The members of the projects' task forces (一套专班) as stored, their phone numbers
 * encrypted at rest with AES-256-GCM (the platform's {@link SealedBox}) under
 * {@code PARKOPS_INVESTMENT_PHONE_KEY} ({@code parkops.investment.phone-key}, at least 32
 * characters; only with the embedded database may it be missing). Stored form: one format
 * byte (1), the 12-byte nonce, the ciphertext with its tag; the column is bound as
 * associated data.
 */
@Component
class TaskForceStore {

	private static final byte FORMAT = 1;

	static final String MEMBER = "SELECT id, project_id, name, department, role, phone_cipher, seq, version"
			+ " FROM inv_task_force_member";

	private final JdbcClient jdbc;

	private final SealedBox box;

	TaskForceStore(JdbcClient jdbc, @Value("${parkops.investment.phone-key:}") String configured,
			@Value("${parkops.embedded.active:false}") boolean embedded) {
		this.jdbc = jdbc;
		this.box = SealedBox.of("PARKOPS_INVESTMENT_PHONE_KEY", configured, embedded,
				"parkops-development-key-embedded-database-only", "inv_task_force_member.phone");
	}

	byte[] encrypt(String phone) {
		return this.box.sealText(phone, FORMAT);
	}

	String decrypt(byte[] stored) {
		return this.box.openText(stored, FORMAT);
	}

	/** A member row as stored, the phone still encrypted. */
	record MemberRow(long id, long projectId, String name, String department, String role, byte[] phone, int seq,
			long version) {
	}

	MemberRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new MemberRow(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"),
				rs.getString("department"), rs.getString("role"), rs.getBytes("phone_cipher"), rs.getInt("seq"),
				rs.getLong("version"));
	}

	/**
	 * The view of a member: the phone in full for staff, masked for an enterprise user.
	 */
	TaskForceMemberView view(MemberRow m) {
		String phone = decrypt(m.phone());
		boolean masked = CurrentUser.find().map(CurrentUser::isEnterpriseUser).orElse(true);
		return new TaskForceMemberView(m.id(), m.projectId(), m.name(), m.department(), m.role(),
				masked ? SealedBox.maskPhone(phone) : phone, m.seq(), m.version());
	}

	/** The task forces of many projects at once, the 专班长 first, then in order. */
	Map<Long, List<TaskForceMemberView>> members(List<Long> projectIds) {
		Map<Long, List<TaskForceMemberView>> all = new HashMap<>();
		if (projectIds.isEmpty()) {
			return all;
		}
		this.jdbc.sql(MEMBER + " WHERE project_id = ANY(:ids) ORDER BY project_id, role <> 'LEAD', seq, id")
			.param("ids", projectIds.toArray(Long[]::new))
			.query((rs, n) -> {
				all.computeIfAbsent(rs.getLong("project_id"), (k) -> new ArrayList<>()).add(view(row(rs)));
				return null;
			})
			.list();
		return all;
	}

	/** A project's 专班长: name (null when not named) and department. */
	record Lead(String name, String department) {
	}

	/** The 专班长 of many projects. */
	Map<Long, Lead> leads(List<Long> projectIds) {
		Map<Long, Lead> leads = new HashMap<>();
		if (projectIds.isEmpty()) {
			return leads;
		}
		this.jdbc.sql("""
				SELECT project_id, name, department FROM inv_task_force_member
				WHERE project_id = ANY(:ids) AND role = 'LEAD'
				""").param("ids", projectIds.toArray(Long[]::new)).query((rs, n) -> {
			leads.put(rs.getLong(1), new Lead(rs.getString(2), rs.getString(3)));
			return null;
		}).list();
		return leads;
	}

}
