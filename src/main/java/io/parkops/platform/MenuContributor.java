package io.parkops.platform;

import java.util.List;

/**
 * Implemented by a module (one bean, usually its package-private {@code …WorkLine}) to
 * put its pages into the left menu; the platform builds the menu from all of them.
 */
public interface MenuContributor {

	List<MenuEntry> menuEntries();

}
