package io.parkops.platform;

import java.util.Set;

/**
 * A permission a module introduces, with its labels for the role editor and the roles
 * that get it when it first appears. The platform writes the declarations into the
 * permission catalogue at start; a security administrator decides afterwards.
 *
 * @param code {@code module:resource:action}, the module being the code's first part
 * @param nameZh the Chinese label
 * @param nameEn the English label
 * @param defaultRoles the roles granted the permission once, when it is new
 */
public record PermissionDeclaration(String code, String nameZh, String nameEn, Set<String> defaultRoles) {

	public PermissionDeclaration {
		if (code == null || !code.matches("[a-z]+:[a-z]+:[a-z]+")) {
			throw new IllegalArgumentException("A permission code is module:resource:action, not " + code);
		}
		defaultRoles = (defaultRoles != null) ? Set.copyOf(defaultRoles) : Set.of();
	}

	public static PermissionDeclaration of(String code, String nameZh, String nameEn, String... defaultRoles) {
		return new PermissionDeclaration(code, nameZh, nameEn, Set.of(defaultRoles));
	}

	/** The module part of the code. */
	public String module() {
		return this.code.substring(0, this.code.indexOf(':'));
	}

}
