package io.parkops.enterprise;

/**
 * Dated qualifications of an enterprise: 高新技术企业, 专精特新, 专精特新"小巨人", 绿色工厂, 上市, 外资.
 */
public enum EnterpriseFlag {

	HIGH_TECH, SPECIALIZED, LITTLE_GIANT, GREEN_FACTORY, LISTED, FOREIGN

}
