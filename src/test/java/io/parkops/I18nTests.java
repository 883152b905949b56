package io.parkops;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.parkops.enterprise.EnterpriseFlag;
import io.parkops.enterprise.EnterpriseStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a user reads comes from the message bundles, in Chinese (the default, no
 * suffix or {@code _zh_CN}) and English ({@code _en}): every key exists in both, every
 * key the templates and the code use exists, and no template holds Chinese text itself.
 */
class I18nTests {

	static final Path RESOURCES = Path.of("src", "main", "resources");

	static final Path MESSAGES = RESOURCES.resolve("messages");

	static final Path TEMPLATES = RESOURCES.resolve("templates");

	static final Path JAVA = Path.of("src", "main", "java");

	/** Keys built in templates or code from a prefix and a value, with the values. */
	static final Map<String, List<String>> DYNAMIC = Map.of("enterprise.status.",
			Stream.of(EnterpriseStatus.values()).map(Enum::name).toList(), "enterprise.flag.",
			Stream.of(EnterpriseFlag.values()).map(Enum::name).toList(), "login.error.", List.of("bad", "locked"),
			"economy.indicator.", economyCodes(), "economy.unit.", economyCodes(), "economy.state.",
			Stream.of(io.parkops.economy.internal.MonthlyCollection.State.values()).map(Enum::name).toList(),
			"economy.groupBy.", List.of("industry", "area", "chain"), "economy.anomaly.",
			List.of("ABOVE_USUAL", "BELOW_USUAL", "GROWTH"));

	/** Every code of an indicator, a zone figure or a count target. */
	static List<String> economyCodes() {
		List<String> codes = new ArrayList<>();
		Stream.of(io.parkops.economy.Indicator.values()).map(io.parkops.economy.Indicator::code).forEach(codes::add);
		Stream.of(io.parkops.economy.ZoneIndicator.values())
			.map(io.parkops.economy.ZoneIndicator::code)
			.forEach(codes::add);
		codes.add(io.parkops.economy.EconomySummary.NEW_ABOVE_SCALE);
		return codes;
	}

	static final Pattern STATIC_KEY = Pattern.compile("#\\{\\s*([A-Za-z0-9_.-]+)\\s*[(}]");

	static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{\\s*'([A-Za-z0-9_.-]+)'\\s*\\+");

	static final Pattern JAVA_KEY = Pattern.compile("\"((?:error|notice|enterprise)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

	static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

	/**
	 * Bundle base name (e.g. {@code platform}) to language ({@code zh}, {@code en}) to
	 * messages.
	 */
	static Map<String, Map<String, Properties>> bundles = new TreeMap<>();

	static Properties zh = new Properties();

	static Properties en = new Properties();

	@BeforeAll
	static void load() throws IOException {
		try (Stream<Path> files = Files.list(MESSAGES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".properties")).sorted().toList()) {
				String name = file.getFileName().toString().replace(".properties", "");
				String language = "zh";
				if (name.endsWith("_en")) {
					language = "en";
					name = name.substring(0, name.length() - 3);
				}
				else if (name.endsWith("_zh_CN")) {
					name = name.substring(0, name.length() - 6);
				}
				else if (name.endsWith("_zh")) {
					name = name.substring(0, name.length() - 3);
				}
				Properties props = new Properties();
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					props.load(reader);
				}
				Properties previous = bundles.computeIfAbsent(name, (k) -> new TreeMap<>()).put(language, props);
				assertThat(previous).as("two %s files for bundle %s", language, name).isNull();
				(language.equals("en") ? en : zh).putAll(props);
			}
		}
	}

	@Test
	void everyConfiguredBundleExistsInBothLanguages() throws IOException {
		String yaml = Files.readString(RESOURCES.resolve("application.yml"));
		Matcher m = Pattern.compile("basename:\\s*(\\S+)").matcher(yaml);
		assertThat(m.find()).as("spring.messages.basename in application.yml").isTrue();
		for (String basename : m.group(1).split(",")) {
			String name = basename.trim().replaceFirst("^messages/", "");
			assertThat(bundles).as("bundle %s", basename).containsKey(name);
			assertThat(bundles.get(name)).as("languages of bundle %s", name).containsOnlyKeys("zh", "en");
		}
		assertThat(bundles).isNotEmpty();
	}

	@Test
	void everyKeyExistsInBothLanguages() {
		List<String> problems = new ArrayList<>();
		bundles.forEach((name, languages) -> {
			Set<String> zhKeys = keys(languages.get("zh"));
			Set<String> enKeys = keys(languages.get("en"));
			zhKeys.stream()
				.filter((k) -> !enKeys.contains(k))
				.forEach((k) -> problems.add(name + ": " + k + " has no English text"));
			enKeys.stream()
				.filter((k) -> !zhKeys.contains(k))
				.forEach((k) -> problems.add(name + ": " + k + " has no Chinese text"));
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void chineseMessagesAreNotBlankAndBothLanguagesUseTheSameArguments() {
		List<String> problems = new ArrayList<>();
		for (String key : keys(zh)) {
			String zhText = zh.getProperty(key);
			String enText = en.getProperty(key);
			// English may leave a measure word (家, 个) empty; Chinese never
			if (zhText.isBlank()) {
				problems.add(key + " is blank in Chinese");
			}
			if (enText != null && !placeholders(zhText).equals(placeholders(enText))) {
				problems.add(key + " uses " + placeholders(zhText) + " in Chinese but " + placeholders(enText)
						+ " in English");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyKeyUsedInTemplatesExists() throws IOException {
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template);
			Matcher m = STATIC_KEY.matcher(html);
			while (m.find()) {
				checkKey(TEMPLATES.relativize(template) + ": " + m.group(1), m.group(1), missing);
			}
			Matcher d = DYNAMIC_KEY.matcher(html);
			while (d.find()) {
				checkPrefix(TEMPLATES.relativize(template).toString(), d.group(1), missing);
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyKeyUsedInTheCodeExists() throws IOException {
		List<String> missing = new ArrayList<>();
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path source : files.filter((f) -> f.toString().endsWith(".java")).sorted().toList()) {
				Matcher m = JAVA_KEY.matcher(Files.readString(source));
				while (m.find()) {
					checkKey(source.getFileName() + ": " + m.group(1), m.group(1), missing);
				}
			}
		}
		DYNAMIC.forEach((prefix, values) -> checkPrefix("enums", prefix, missing));
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHoldNoChineseText() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			List<String> lines = Files.readAllLines(template);
			for (int i = 0; i < lines.size(); i++) {
				if (CJK.matcher(lines.get(i)).find()) {
					found.add(TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + lines.get(i).trim());
				}
			}
		}
		assertThat(found).isEmpty();
	}

	private static void checkKey(String where, String key, List<String> missing) {
		if (!zh.containsKey(key)) {
			missing.add(where + " (Chinese)");
		}
		if (!en.containsKey(key)) {
			missing.add(where + " (English)");
		}
	}

	private static void checkPrefix(String where, String prefix, List<String> missing) {
		List<String> values = DYNAMIC.get(prefix);
		if (values != null) {
			values.forEach((v) -> checkKey(where + ": " + prefix + v, prefix + v, missing));
		}
		else if (keys(zh).stream().noneMatch((k) -> k.startsWith(prefix))
				|| keys(en).stream().noneMatch((k) -> k.startsWith(prefix))) {
			missing.add(where + ": no key starts with " + prefix);
		}
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((f) -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Set<String> keys(Properties props) {
		Set<String> keys = new TreeSet<>();
		props.stringPropertyNames().forEach(keys::add);
		return keys;
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

}
