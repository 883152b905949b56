package io.parkops.platform;

import java.util.List;

/**
 * Implemented by a module to declare its permissions; the platform builds the permission
 * catalogue (and the default grants of new permissions) from all of them at start.
 */
public interface PermissionContributor {

	List<PermissionDeclaration> permissions();

}
