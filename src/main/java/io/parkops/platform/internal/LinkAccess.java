package io.parkops.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.RouteAccess;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Whether the current user may open a page, from the {@link RouteAccess} declaration of
 * the route the path leads to; pages use it ({@code @links.canOpen(path)}) to show a link
 * only to those it opens for — a timeline entry of the enterprise file links to a hazard
 * only for readers of hazards.
 */
@Component("links")
public class LinkAccess {

	private final ObjectProvider<RequestMappingHandlerMapping> mapping;

	private volatile List<Page> pages;

	LinkAccess(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
		this.mapping = mapping;
	}

	record Page(PathPattern pattern, RouteAccess access) {
	}

	/** Whether the current user may open {@code path} (a GET page of the application). */
	public boolean canOpen(String path) {
		if (path == null || path.isBlank()) {
			return false;
		}
		String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		PathContainer container = PathContainer.parsePath(bare);
		Page best = null;
		for (Page page : pages()) {
			if (page.pattern().matches(container) && (best == null
					|| PathPattern.SPECIFICITY_COMPARATOR.compare(page.pattern(), best.pattern()) < 0)) {
				best = page;
			}
		}
		if (best == null) {
			return false;
		}
		RouteAccess access = best.access();
		if (access == null) {
			return true;
		}
		CurrentUser me = CurrentUser.find().orElse(null);
		if (me == null) {
			return access.scope() == io.parkops.platform.AccessScope.PUBLIC;
		}
		if (!access.enterpriseUsers() && me.isEnterpriseUser()) {
			return false;
		}
		if (access.permission().length == 0) {
			return true;
		}
		for (String permission : access.permission()) {
			if (me.has(permission)) {
				return true;
			}
		}
		return false;
	}

	private List<Page> pages() {
		List<Page> known = this.pages;
		if (known == null) {
			known = new ArrayList<>();
			for (Map.Entry<RequestMappingInfo, HandlerMethod> e : this.mapping.getObject()
				.getHandlerMethods()
				.entrySet()) {
				Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
				if ((methods.isEmpty() || methods.contains(RequestMethod.GET))
						&& e.getKey().getPathPatternsCondition() != null) {
					for (PathPattern pattern : e.getKey().getPathPatternsCondition().getPatterns()) {
						known.add(new Page(pattern, e.getValue().getMethodAnnotation(RouteAccess.class)));
					}
				}
			}
			this.pages = List.copyOf(known);
		}
		return known;
	}

}
