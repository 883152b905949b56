package io.parkops.platform.internal;

import java.time.Duration;
import java.util.Locale;

import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.NotificationSource;
import io.parkops.platform.ZoneSelection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first with an English switch ({@code ?lang=en}), and the model every page
 * layout needs (the signed-in user, the current zone and the zones to switch to).
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

	private final ZoneSelection zones;

	private final ObjectProvider<NotificationSource> notifications;

	private final ZoneService zoneService;

	private final Menu menu;

	WebConfig(ZoneSelection zones, ObjectProvider<NotificationSource> notifications, ZoneService zoneService,
			Menu menu) {
		this.zones = zones;
		this.notifications = notifications;
		this.zoneService = zoneService;
		this.menu = menu;
	}

	/**
	 * Cookies of a request that came over HTTPS (also through a proxy's
	 * X-Forwarded-Proto) are Secure; ordered after the forwarded-header filter and before
	 * the session filter.
	 */
	@Bean
	FilterRegistrationBean<SecureCookieFilter> secureCookieFilter() {
		FilterRegistrationBean<SecureCookieFilter> bean = new FilterRegistrationBean<>(new SecureCookieFilter());
		bean.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
		return bean;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("PARKOPS_LANG");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		// without the cookie, the caller's Accept-Language decides (API clients send it)
		resolver.setDefaultLocaleFunction(WebConfig::acceptedLocale);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor locale = new LocaleChangeInterceptor();
		locale.setParamName("lang");
		registry.addInterceptor(locale);
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				// request attributes, so that error pages rendered by exception handlers
				// have them too
				request.setAttribute("currentPath",
						request.getRequestURI().substring(request.getContextPath().length()));
				request.setAttribute("pageQuery", pageQuery(request.getQueryString()));
				CurrentUser.find().ifPresent((me) -> {
					request.setAttribute("me", me);
					request.setAttribute("layoutMenu", WebConfig.this.menu.visibleTo(me));
					String zone = null;
					if (!me.isEnterpriseUser()) {
						zone = WebConfig.this.zones.current();
						request.setAttribute("layoutZones", WebConfig.this.zones.selectable());
						request.setAttribute("layoutZone", zone);
					}
					String own = (zone != null || me.zoneCodes().isEmpty()) ? zone : me.zoneCodes().iterator().next();
					request.setAttribute("layoutDemo", WebConfig.this.zoneService.isDemo(own));
					if (!"true".equals(request.getHeader("HX-Request"))) {
						List<NotificationSource.Notification> reminders = new ArrayList<>();
						for (NotificationSource source : WebConfig.this.notifications.orderedStream().toList()) {
							reminders.addAll(source.notificationsFor(me, zone));
						}
						request.setAttribute("layoutNotifications", reminders);
					}
				});
				return true;
			}
		}).excludePathPatterns("/api/**", "/css/**", "/js/**", "/webjars/**", "/img/**", "/favicon.ico");
		registry.addInterceptor(new RouteAccessInterceptor());
	}

	/** English when the caller prefers it to Chinese, otherwise Chinese. */
	static Locale acceptedLocale(HttpServletRequest request) {
		// pages are Chinese first (the switch in the top bar sets the cookie); API
		// callers
		// choose their language with Accept-Language
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return Locale.SIMPLIFIED_CHINESE;
		}
		String header = request.getHeader("Accept-Language");
		if (header != null && !header.isBlank()) {
			try {
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
					String language = range.getRange().split("-")[0];
					if (language.equals("en")) {
						return Locale.ENGLISH;
					}
					if (language.equals("zh")) {
						return Locale.SIMPLIFIED_CHINESE;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed header: Chinese
			}
		}
		return Locale.SIMPLIFIED_CHINESE;
	}

	/**
	 * The query string without its page parameter, ending with '&' when not empty, for
	 * pager links.
	 */
	static String pageQuery(String query) {
		if (query == null || query.isEmpty()) {
			return "";
		}
		StringBuilder kept = new StringBuilder();
		for (String part : query.split("&")) {
			if (!part.startsWith("page=") && !part.startsWith("lang=") && !part.isEmpty()) {
				kept.append(part).append('&');
			}
		}
		return kept.toString();
	}

}
