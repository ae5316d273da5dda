package org.fundguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

/** What the charts are given: the same figures as the tables, months without signals as 0, and the month asked. */
class DashboardChartsTest {

	static final ObjectMapper JSON = new ObjectMapper();

	static DashboardView view(Map<String, Long> grades) {
		return new DashboardView(YearMonth.of(2033, 6), OffsetDateTime.parse("2033-07-01T08:00:00+08:00"),
				List.of(new DashboardView.FundRow("370300", "310", "职工基本医疗保险", 100, 150, 50.0, 6.0, 6, 600, 650, false, true, "/leads?region=370300")),
				List.of(new DashboardView.RuleMonth("a", "甲规则", "2033-05", 3, 1, "/leads?rule=a"),
						new DashboardView.RuleMonth("b", "乙规则", "2033-06", 2, 2, "/leads?rule=b"),
						new DashboardView.RuleMonth("a", "甲规则", "2033-06", 4, 1, "/leads?rule=a")),
				new ProgrammeFigures.Funnel(9, 4, 2, 1),
				new ProgrammeFigures.Money(new BigDecimal("10.50"), List.of(), 2, new BigDecimal("20.00"), new BigDecimal("5.00")), grades,
				grades == null ? null : 2033, null, Map.of());
	}

	@Test
	void eachRuleIsASeriesOverEveryMonthWithZeroWhereItFoundNothing() throws Exception {
		JsonNode signals = JSON.readTree(DashboardCharts.of(view(null)).signals());
		assertThat(signals.path("months").toString()).isEqualTo("[\"2033-05\",\"2033-06\"]");
		assertThat(signals.path("series")).hasSize(2);
		for (JsonNode s : signals.path("series")) {
			String expected = s.path("name").asText().equals("甲规则") ? "[3,4]" : "[0,2]";
			assertThat(s.path("data").toString()).isEqualTo(expected);
		}
	}

	@Test
	void theFunnelMoneyAndFundsAreTheTablesFigures() throws Exception {
		DashboardCharts charts = DashboardCharts.of(view(Map.of("A级（守信）", 3L)));
		assertThat(JSON.readTree(charts.funnel()).path("values").toString()).isEqualTo("[9,4,2,1]");
		JsonNode money = JSON.readTree(charts.money()).path("values");
		assertThat(List.of(money.get(0).asDouble(), money.get(1).asDouble(), money.get(2).asDouble())).containsExactly(10.5, 20.0, 5.0);
		assertThat(JSON.readTree(charts.funds()).path("expenditure").toString()).isEqualTo("[150.0]");
		assertThat(JSON.readTree(charts.credit()).path("A级（守信）").asLong()).isEqualTo(3);
		assertThat(DashboardCharts.of(view(null)).credit()).as("no credit module: no chart").isNull();
	}

	@Test
	void aMonthIsYearDashMonthAndAnythingElseIsRefused() {
		assertThat(DashboardApi.month("2033-06", null)).isEqualTo(YearMonth.of(2033, 6));
		for (String bad : new String[] { "2033-13", "June", "1999-01", "2033/06" }) {
			assertThatThrownBy(() -> DashboardApi.month(bad, null)).as(bad).isInstanceOf(Refused.class);
		}
	}
}
