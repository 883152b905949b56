package io.parkops.safety.internal;

import java.util.List;

/**
 * Which rows a user may see: some zones, and for an enterprise user one enterprise.
 */
public record Scope(List<String> zones, String onlyCreditCode) {
}
