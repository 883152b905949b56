package io.parkops.land.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.parkops.land.internal.AssetViews.LeaseView;
import io.parkops.land.internal.LandViews.Page;
import io.parkops.land.internal.LandViews.ParcelView;
import io.parkops.platform.excel.ExcelRows;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Excel exports of the parcel and lease lists, with the filters of the list and headers
 * in the reader's language.
 */
@Component
public class LandExports {

	private static final int ALL = 100_000;

	private final LandService land;

	private final AssetService assets;

	private final MessageSource messages;

	private final RentBills bills;

	LandExports(LandService land, AssetService assets, MessageSource messages, RentBills bills) {
		this.land = land;
		this.assets = assets;
		this.bills = bills;
		this.messages = messages;
	}

	private String t(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private List<String> headers(String... keys) {
		return Arrays.stream(keys).map(this::t).toList();
	}

	public void parcels(String zone, String status, String use, String q, OutputStream out) {
		Page<ParcelView> page = this.land.parcels(zone, status, use, q, 0, ALL);
		List<List<?>> rows = new ArrayList<>();
		for (ParcelView p : page.items()) {
			rows.add(Arrays.asList(p.code(), p.areaMu(), p.areaM2(), p.areaHectares(), t("land.parcelUse." + p.use()),
					t("land.parcelStatus." + p.status()), p.ownerName(), p.ownerCreditCode(), p.location(),
					p.inefficient() ? t("land.yes") : ""));
		}
		ExcelRows.write(out, t("land.parcels.title"),
				headers("land.form.code", "land.form.areaMu", "land.form.areaM2", "land.parcels.areaHectares",
						"land.form.use", "land.form.status", "land.form.ownerCreditCode", "land.export.creditCode",
						"land.form.location", "land.inefficient"),
				rows);
	}

	public void leases(String zone, OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		for (LeaseView l : this.assets.leases(zone, null)) {
			rows.add(Arrays.asList(l.building(), l.unit(), t("land.unitKind." + l.unitKind()), l.areaM2(),
					l.tenantName(), l.tenantCreditCode(), l.from().toString(), l.to().toString(), l.rentPerM2Month(),
					l.monthlyRent(), l.billed(), l.paid(), l.arrears(), l.buckets().d1_30(), l.buckets().d31_60(),
					l.buckets().d61_90(), l.buckets().d90plus(), l.litigation() ? t("land.yes") : ""));
		}
		ExcelRows.write(out, t("land.leases.title"),
				headers("land.form.building", "land.form.unit", "land.form.kind", "land.form.areaM2",
						"land.form.tenantCreditCode", "land.export.creditCode", "land.form.from", "land.form.to",
						"land.form.rentPerM2Month", "land.leases.monthly", "land.export.billed", "land.export.paid",
						"land.leases.arrearsCol", "land.bucket.d1_30", "land.bucket.d31_60", "land.bucket.d61_90",
						"land.bucket.d90plus", "land.leases.inLitigation"),
				rows);
	}

	/** The bills the filter finds (a tenant: its own), with status and what is owed. */
	public void bills(String zone, String status, String tenant, String periodFrom, String periodTo, String q,
			OutputStream out) {
		List<List<?>> rows = new ArrayList<>();
		int size = 500;
		for (int page = 0;; page++) {
			AssetViews.BillPage found = this.bills.search(zone, status, tenant, periodFrom, periodTo, q, page, size);
			for (AssetViews.BillView b : found.items()) {
				rows.add(Arrays.asList(b.tenantName(), b.tenantCreditCode(), b.building(), b.unit(),
						b.periodFrom().toString(), b.periodTo().toString(), b.dueOn().toString(), b.amount(), b.paid(),
						b.outstanding(), t("land.billStatus." + b.status()),
						(b.daysOverdue() > 0) ? b.daysOverdue() : ""));
			}
			if ((long) (page + 1) * size >= found.total() || rows.size() >= ALL) {
				break;
			}
		}
		ExcelRows.write(out, t("land.bills.title"),
				headers("land.form.tenantCreditCode", "land.export.creditCode", "land.form.building", "land.form.unit",
						"land.bill.periodFrom", "land.bill.periodTo", "land.bill.dueOn", "land.bill.amount",
						"land.bill.paid", "land.bill.outstanding", "land.form.status", "land.bill.daysOverdue"),
				rows);
	}

}
