/**
 * Platform: security, users, zones, audit trail and the shared web layout.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.parkops.platform;
