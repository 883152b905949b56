package io.parkops.platform.internal;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.parkops.platform.DemoDataContributor;
import io.parkops.platform.UserAccounts;
import io.parkops.platform.UserAccounts.NewUser;
import io.parkops.platform.ZoneDirectory.Area;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens on the first start against an empty database: the {@code admin} account is
 * created, and the demo zone is loaded unless {@code PARKOPS_DEMO=false}. Several nodes
 * starting at once are serialised by an advisory lock, so this runs once.
 */
@Component
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	static final String DEMO_ZONE = "yunxi";

	private static final long LOCK = 0x5041524b4f505354L;

	private final JdbcClient jdbc;

	private final UserAccounts users;

	private final ZoneService zones;

	private final PlatformProperties properties;

	private final List<DemoDataContributor> contributors;

	private final TransactionTemplate tx;

	FirstStart(JdbcClient jdbc, UserAccounts users, ZoneService zones, PlatformProperties properties,
			List<DemoDataContributor> contributors, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.users = users;
		this.zones = zones;
		this.properties = properties;
		this.contributors = contributors;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.tx.executeWithoutResult((status) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", LOCK).query((rs, n) -> 1).list();
			createAdmin();
			if (this.properties.demo() && setting("demo.loaded") == null) {
				loadDemo();
			}
		});
	}

	private void createAdmin() {
		if (this.users.find("admin").isPresent()) {
			return;
		}
		String given = this.properties.adminPassword();
		boolean generated = given == null || given.isBlank();
		String password = generated ? generatePassword() : given;
		if (!generated && !PasswordPolicy.isStrong(password)) {
			throw new IllegalStateException("PARKOPS_ADMIN_PASSWORD is too weak: at least 8 characters from three of "
					+ "lower case, upper case, digits and symbols");
		}
		this.users.create(new NewUser("admin", password, "系统管理员", List.of("ADMIN"), List.of(), null, generated));
		if (generated) {
			log.warn("""

					==================================================================
					 ParkOps first start: administrator account created
					   username: admin
					   password: {}
					 This password is shown once; change it at the first sign-in.
					==================================================================""", password);
		}
		else {
			log.info(
					"ParkOps first start: administrator 'admin' created with the password from PARKOPS_ADMIN_PASSWORD");
		}
	}

	private void loadDemo() {
		String demoPassword = generatePassword();
		Random random = new Random(20240630L);
		this.zones.create(DEMO_ZONE, "云溪经济开发区",
				List.of(new Area("east", "东区", "East Area"), new Area("west", "西区", "West Area"),
						new Area("south", "南区", "South Area")),
				List.of("经济发展局", "招商局", "规划建设局", "安全环保局", "企业服务中心", "党群工作部", "自然资源局"));
		// every page of this zone says it holds fictional data
		this.jdbc.sql("UPDATE zone SET demo = true WHERE code = :z").param("z", DEMO_ZONE).update();
		record Staff(String username, String name, String role) {
		}
		List<Staff> staff = List.of(new Staff("leader", "王主任", "LEADER"), new Staff("economy", "李经发", "ECONOMY_STAFF"),
				new Staff("investment", "赵招商", "INVESTMENT_STAFF"), new Staff("safety", "钱安环", "SAFETY_STAFF"),
				new Staff("service", "孙服务", "SERVICE_STAFF"), new Staff("land", "周土地", "LAND_STAFF"),
				new Staff("party", "吴党建", "PARTY_STAFF"), new Staff("secadmin", "郑安管", "SECURITY_ADMIN"),
				new Staff("auditor", "冯审计", "AUDITOR"));
		for (Staff s : staff) {
			this.users.create(new NewUser(s.username(), demoPassword, s.name(), List.of(s.role()), List.of(DEMO_ZONE),
					null, false));
		}
		DemoDataContributor.DemoContext context = new DemoDataContributor.DemoContext(DEMO_ZONE, random, demoPassword);
		this.contributors.stream()
			.sorted(Comparator.comparingInt(DemoDataContributor::order))
			.forEach((c) -> c.contribute(context));
		this.jdbc.sql("INSERT INTO platform_setting (key, value) VALUES ('demo.loaded', now()::text)").update();
		log.warn("""

				==================================================================
				 ParkOps demo zone loaded: 云溪经济开发区 (code {})
				   staff accounts: leader, economy, investment, safety, service,
				                   land, party, secadmin, auditor
				   enterprise accounts: ent001 … (see 系统管理 → 用户)
				   demo password for all of them: {}
				==================================================================""", DEMO_ZONE, demoPassword);
	}

	private String setting(String key) {
		return this.jdbc.sql("SELECT value FROM platform_setting WHERE key = :k")
			.param("k", key)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	static String generatePassword() {
		SecureRandom random = new SecureRandom();
		String lower = "abcdefghijkmnpqrstuvwxyz";
		String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
		String digits = "23456789";
		String all = lower + upper + digits;
		StringBuilder sb = new StringBuilder();
		sb.append(upper.charAt(random.nextInt(upper.length())));
		sb.append(lower.charAt(random.nextInt(lower.length())));
		sb.append(digits.charAt(random.nextInt(digits.length())));
		for (int i = 0; i < 11; i++) {
			sb.append(all.charAt(random.nextInt(all.length())));
		}
		return sb.toString();
	}

}
