/**
 * Enterprise registry (一企一档): one file per enterprise with its 规上 history, flags, status
 * and the timeline every module writes to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprise registry")
package io.parkops.enterprise;
