package io.parkops.platform.excel;

/**
 * One problem in an imported file: the 1-based sheet row (0 for the whole file), the
 * column header and a message key (or, once resolved for the user, the message itself).
 */
public record ImportError(int row, String column, String message) {
}
