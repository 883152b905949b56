package io.parkops.platform.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the API ({@code /api/**}, stateless, bearer tokens, problem
 * responses) and the pages (form sign-in, sessions in PostgreSQL, CSRF on every form,
 * strict headers).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
			+ "form-action 'self'; base-uri 'self'; object-src 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	@Bean
	AuthenticationManager authenticationManager(ParkOpsUserDetailsService users, PasswordEncoder encoder,
			AuthenticationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		// the account's state is looked at only after the right password: before it, a
		// disabled or locked account fails like a wrong password or an unknown user
		provider.setPreAuthenticationChecks((user) -> {
		});
		provider.setPostAuthenticationChecks((user) -> {
			if (!user.isAccountNonLocked()) {
				throw new LockedException("locked");
			}
			if (!user.isEnabled()) {
				throw new DisabledException("disabled");
			}
		});
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens, UserStore users,
			ParkOpsUserDetailsService details, ProblemWriter problems) throws Exception {
		http.securityMatcher("/api/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((auth) -> auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				.anyRequest()
				.authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, users, details, problems),
					UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling((ex) -> ex
				.authenticationEntryPoint(
						(req, res, e) -> problems.write(res, HttpStatus.UNAUTHORIZED, "error.unauthenticated"))
				.accessDeniedHandler((req, res, e) -> problems.write(res, HttpStatus.FORBIDDEN, "error.forbidden")))
			.headers((h) -> h.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, UserStore users, ParkOpsUserDetailsService details,
			AuthenticationManager authenticationManager) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests((auth) -> auth
				.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**",
						"/swagger-ui.html")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(
					(form) -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler((req, res, e) -> {
						// one message for an unknown user, a wrong password and a
						// disabled
						// account; a lock is explained only to whoever gave the right
						// password (the provider checks the lock after the password)
						String reason = (e instanceof LockedException) ? "locked" : "bad";
						res.sendRedirect(req.getContextPath() + "/login?error=" + reason);
					}))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((h) -> h.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
				.frameOptions((f) -> f.deny())
				.referrerPolicy((r) -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.addFilterBefore(new AccountStateFilter(users, details), AuthorizationFilter.class)
			.addFilterAfter(new MustChangePasswordFilter(), AuthorizationFilter.class);
		return http.build();
	}

}
