package io.parkops.economy.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ToDoSource;

import org.springframework.stereotype.Component;

/**
 * The monthly reporting waiting for the signed-in user (我的待办): for economy staff the
 * enterprises that have not reported the month being collected and the anomalies waiting
 * for a confirming note; for an enterprise user its own month to report.
 */
@Component
class EconomyToDos implements ToDoSource {

	private final MonthlyCollection collection;

	private final EnterpriseRegistry enterprises;

	private final EconomyProperties properties;

	EconomyToDos(MonthlyCollection collection, EnterpriseRegistry enterprises, EconomyProperties properties) {
		this.collection = collection;
		this.enterprises = enterprises;
		this.properties = properties;
	}

	@Override
	public List<ToDo> toDosFor(CurrentUser user, String zoneCode) {
		// the month being collected: last month, due this month
		YearMonth month = YearMonth.from(Months.today()).minusMonths(1);
		List<ToDo> items = new ArrayList<>();
		if (user.isEnterpriseUser()) {
			String code = user.enterpriseCreditCode();
			if (code != null && user.has("economy:monthly:submit")) {
				this.enterprises.find(code).ifPresent((e) -> {
					long open = this.collection.completenessForReport(e.zoneCode(), month)
						.entries()
						.stream()
						.filter((x) -> x.creditCode().equals(code))
						.filter((x) -> x.state() == MonthlyCollection.State.PENDING
								|| x.state() == MonthlyCollection.State.LATE)
						.count();
					items.add(new ToDo("todo.economy.myMonth", open, due(month),
							"/economy/monthly/" + code + "?month=" + month));
				});
			}
			return items;
		}
		if (zoneCode != null && user.has("economy:monthly:import")) {
			MonthlyCollection.Completeness c = this.collection.completenessForReport(zoneCode, month);
			items.add(new ToDo("todo.economy.notReported", c.pending() + c.late(), c.due(),
					"/economy/completeness?month=" + month));
			List<MonthlyCollection.Unconfirmed> unconfirmed = this.collection.unconfirmed(zoneCode);
			LocalDate oldest = unconfirmed.stream()
				.map((u) -> due(YearMonth.parse(u.month())))
				.min(LocalDate::compareTo)
				.orElse(null);
			items.add(new ToDo("todo.economy.anomalies", unconfirmed.size(), oldest, "/economy/completeness"));
		}
		return items;
	}

	private LocalDate due(YearMonth month) {
		return month.plusMonths(1).atDay(Math.min(this.properties.dueDay(), 28));
	}

}
