package io.parkops.platform.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo data loads by default only with the embedded database (issue 8 §8): with
 * {@code SPRING_DATASOURCE_URL} set it is off unless {@code PARKOPS_DEMO=true}.
 */
class DemoDefaultTests {

	private static boolean demo(Map<String, Object> settings) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		sources.addFirst(new MapPropertySource("settings", settings));
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
			.forEach(sources::addLast);
		new EmbeddedPostgresEnvironment().postProcessEnvironment(environment, new SpringApplication());
		return Binder.get(environment).bind("parkops", PlatformProperties.class).get().demo();
	}

	@Test
	void anExternalDatabaseGetsNoDemoData() throws IOException {
		assertThat(demo(Map.of("spring.datasource.url", "jdbc:postgresql://db.example/parkops"))).isFalse();
	}

	@Test
	void anExternalDatabaseGetsDemoDataWhenAskedFor() throws IOException {
		Map<String, Object> settings = new HashMap<>();
		settings.put("spring.datasource.url", "jdbc:postgresql://db.example/parkops");
		settings.put("PARKOPS_DEMO", "true");
		assertThat(demo(settings)).isTrue();
	}

}
