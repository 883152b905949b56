package io.parkops.platform.internal;

import java.time.Duration;
import java.util.Locale;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ZoneSelection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Chinese first with an English switch ({@code ?lang=en}), and the model every page
 * layout needs (the signed-in user, the current zone and the zones to switch to).
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

	private final ZoneSelection zones;

	WebConfig(ZoneSelection zones) {
		this.zones = zones;
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
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView mav) {
				if (mav == null || mav.getView() instanceof RedirectView
						|| (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) {
					return;
				}
				mav.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
				mav.addObject("pageQuery", pageQuery(request.getQueryString()));
				CurrentUser.find().ifPresent((me) -> {
					mav.addObject("me", me);
					if (!me.isEnterpriseUser()) {
						mav.addObject("layoutZones", WebConfig.this.zones.selectable());
						mav.addObject("layoutZone", WebConfig.this.zones.current());
					}
				});
			}
		}).excludePathPatterns("/api/**");
	}

	/** The query string without its page parameter, ending with '&' when not empty, for pager links. */
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
