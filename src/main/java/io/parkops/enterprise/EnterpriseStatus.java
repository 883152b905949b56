package io.parkops.enterprise;

/**
 * Status of an enterprise: 在建 (building), 投产 (in production), 停产 (halted), 迁出/注销 (gone).
 */
public enum EnterpriseStatus {

	BUILDING, IN_PRODUCTION, HALTED, MOVED_OUT

}
