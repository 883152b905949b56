package io.parkops.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: title, and the bearer token scheme so the browsable docs can call
 * the API after "Authorize".
 */
@Configuration
class OpenApiConfig {

	@Bean
	OpenAPI parkOpsOpenApi() {
		return new OpenAPI().info(new Info().title("ParkOps 园区通 API")
			.version("v1")
			.description("Get a token with POST /api/v1/auth/token, then send Authorization: Bearer <token>. "
					+ "Errors are application/problem+json with status, detail and, for validation, errors[{field,message}].")
			.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
