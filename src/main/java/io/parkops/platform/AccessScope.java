package io.parkops.platform;

/**
 * The data scope of a route ({@link RouteAccess#scope()}).
 */
public enum AccessScope {

	/** Anyone, signed in or not (the sign-in page, token issue). */
	PUBLIC,

	/**
	 * Any signed-in user, whatever their roles (home page, zone switch, vocabularies).
	 */
	AUTHENTICATED,

	/** The caller's own account only (own password, own token, own profile). */
	SELF,

	/**
	 * Records that belong to no zone (users, roles, the audit trail, price indices): the
	 * permission decides alone.
	 */
	GLOBAL,

	/**
	 * Records of a zone (inspections, complaints, reports, statistics): staff reach the
	 * zones they are assigned to (administrators every zone); another zone's record → 403
	 * or 404, a list or figure of another zone shows nothing of it.
	 */
	ZONE,

	/**
	 * Records of an enterprise (the enterprise file, its months, hazards, notices,
	 * penalties): staff reach the enterprises of their zones, an enterprise user only its
	 * own enterprise; anything else → 403 or 404, a list shows nothing of it.
	 */
	ENTERPRISE

}
