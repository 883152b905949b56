package io.parkops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every direct sub-package of the application class is a module that only uses the
 * published API of the others; the module documentation is written from the same model.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ParkOpsApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
		assertThat(modules.stream().map((m) -> m.getBasePackage().getName())).contains("io.parkops.platform",
				"io.parkops.enterprise", "io.parkops.economy");
	}

	/**
	 * The shared modules a work line plugs into never depend on a work line: they meet
	 * work lines only through the contributor interfaces and events they own themselves.
	 */
	@Test
	void sharedModulesDependOnNoWorkLine() {
		List<String> shared = List.of("platform", "enterprise", "report", "cockpit");
		for (String name : shared) {
			ApplicationModule module = modules.getModuleByName(name).orElseThrow();
			assertThat(module.getDirectDependencies(modules)
				.uniqueModules()
				.map((m) -> m.getIdentifier().toString())
				.filter((m) -> !shared.contains(m))
				.toList()).as("modules %s depends on", name).isEmpty();
		}
	}

	@Test
	void writesModuleDocumentation() throws Exception {
		new Documenter(modules).writeDocumentation();
		Path docs = Path.of("target", "spring-modulith-docs");
		assertThat(docs.resolve("components.puml")).exists();
		try (var files = Files.list(docs)) {
			assertThat(files.map((p) -> p.getFileName().toString())).contains("module-platform.puml",
					"module-enterprise.puml", "module-economy.puml");
		}
	}

}
