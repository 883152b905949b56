package io.parkops.enterprise;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules may ask of the enterprise registry.
 */
public interface EnterpriseRegistry {

	Optional<Enterprise> find(String creditCode);

	/**
	 * Finds an enterprise the current user may see.
	 * @throws io.parkops.platform.NotFoundException if unknown
	 * @throws io.parkops.platform.ForbiddenException if outside the user's scope
	 */
	Enterprise requireVisible(String creditCode);

	/** The enterprises of a zone that are 规上 in the given month (the set valid then). */
	List<Enterprise> aboveScaleIn(String zoneCode, YearMonth month);

	/**
	 * The 规上 set of a zone valid in the month with only what statistics group by: the
	 * same set as {@link #aboveScaleIn}, read in one pass for large zones. Statistics
	 * that compute the set together with their sums in one statement use the registry's
	 * SQL function {@code enterprise_above_scale_set(zone, month)} (columns
	 * {@code enterprise_id, credit_code, area_code, industry_code, tags}), the definition
	 * this method reads too.
	 */
	List<SetMember> aboveScaleMembers(String zoneCode, YearMonth month);

	/** All enterprises of a zone with only what statistics need, read in one pass. */
	List<SetMember> membersOf(String zoneCode);

	/** All enterprises of a zone. */
	List<Enterprise> ofZone(String zoneCode);

	/**
	 * The credit codes of the zones' enterprises whose name holds the text (case
	 * insensitive, answered in SQL from the name's trigram index), at most {@code limit};
	 * other work lines search their records by enterprise name through it.
	 */
	List<String> creditCodesNamed(Collection<String> zoneCodes, String text, int limit);

	/**
	 * The status of each enterprise of a zone on a date, by credit code, from its status
	 * history: the latest change on or before the date; before its first recorded change,
	 * the first recorded status (nothing earlier is known); without any history, the
	 * current status.
	 */
	Map<String, EnterpriseStatus> statusesOn(String zoneCode, java.time.LocalDate date);

	/**
	 * The names of many enterprises at once, by credit code; unknown codes are left out.
	 */
	Map<String, String> names(Collection<String> creditCodes);

	/**
	 * Registers a new enterprise (一企一档) for another work line (the company a signed
	 * project sets up), checked as the enterprise pages check a registration and within
	 * the current user's zones; it starts 在建 and not 规上.
	 * @throws io.parkops.platform.InvalidInputException with the fields of
	 * {@link NewEnterprise}
	 * @throws io.parkops.platform.ConflictException if the credit code is registered
	 */
	Enterprise register(NewEnterprise enterprise);

	/**
	 * Names an enterprise's 企业秘书 and 挂点领导 for another work line (null leaves one as it
	 * is): checked as the enterprise page checks them (at most 64 characters), the
	 * record's version stepped and the change audited. A person must be staff of the
	 * enterprise's zone (an enterprise user may not: 403); a system task (demo data) runs
	 * without one.
	 * @throws io.parkops.platform.NotFoundException if the enterprise is unknown
	 */
	Enterprise assignServicePeople(String creditCode, String secretary, String leader);

	/** The industry divisions (GB/T 4754 大类) the platform ships: code → name, by code. */
	Map<String, String> industryDivisions();

	/** What another work line gives to register an enterprise. */
	record NewEnterprise(String creditCode, String name, String zoneCode, String areaCode, String industryCode) {
	}

	/** 规上 entries (入规) and exits (退规) of a zone within the months [from, to]. */
	List<ScaleChange> scaleChanges(String zoneCode, YearMonth from, YearMonth to);

	/** An enterprise of a 规上 set, with its area, industry division and chain tags. */
	record SetMember(String creditCode, String name, String areaCode, String industryCode, String industryName,
			List<String> tags) {
	}

	/** One entry into or exit from the 规上 set. */
	record ScaleChange(String creditCode, YearMonth month, boolean aboveScale) {
	}

}
