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

	WebConfig(ZoneSelection zones, ObjectProvider<NotificationSource> notifications) {
		this.zones = zones;
		this.notifications = notifications;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("PARKOPS_LANG");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
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
					String zone = null;
					if (!me.isEnterpriseUser()) {
						zone = WebConfig.this.zones.current();
						request.setAttribute("layoutZones", WebConfig.this.zones.selectable());
						request.setAttribute("layoutZone", zone);
					}
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
