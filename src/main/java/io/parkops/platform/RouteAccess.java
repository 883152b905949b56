package io.parkops.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a route: declared on every handler method of every controller, next to its
 * mapping. The platform enforces the permission before the handler runs (a caller holding
 * none of them gets 403 before the request body is read); the module's services enforce
 * the data scope. {@code AuthorizationMatrixTests} calls every route of the route table
 * as every built-in role on its own enterprise, another enterprise and another zone,
 * expects the outcome this declaration implies, and fails for a route without one.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RouteAccess {

	/**
	 * The permissions ({@code module:resource:action}) of which the caller must hold at
	 * least one; empty only for {@link AccessScope#PUBLIC},
	 * {@link AccessScope#AUTHENTICATED} and {@link AccessScope#SELF} routes.
	 */
	String[] permission() default {};

	/** Which records the route reaches and therefore which callers it serves. */
	AccessScope scope();

	/**
	 * Whether enterprise users may call it at all: {@code false} for the staff's own
	 * actions on an enterprise's record (granting or revoking a flag, confirming an
	 * anomaly) that an enterprise user's permissions would otherwise reach, so that
	 * holding {@code enterprise:enterprise:edit} for its contact fields does not open
	 * them. Refused with 403 before the handler.
	 */
	boolean enterpriseUsers() default true;

}
