/**
 * Party building (党的建设): organisations with their history, members, 党建指导员 and their
 * visits, activities and dues, and the coverage figures computed from the enterprise
 * registry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Party building")
package io.parkops.party;
