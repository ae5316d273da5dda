package org.fundguard.dashboard;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.fundguard.campaigns.CampaignProgress;

/**
 * Everything the dashboard shows, with the time it was computed (Asia/Shanghai) and, per block, the list behind it.
 * A block whose source is not there (no credit scores, no campaigns) is null and shows 暂无数据.
 */
record DashboardView(YearMonth month, OffsetDateTime asOf, List<FundRow> funds, List<RuleMonth> signals,
		ProgrammeFigures.Funnel funnel, ProgrammeFigures.Money money, Map<String, Long> creditGrades, Integer creditYear,
		List<CampaignProgress> campaigns, Map<String, String> links) {

	/** A fund with its labels and whether both bottom lines hold. */
	record FundRow(String region, String scheme, String schemeLabel, double income, double expenditure, Double growthPercent,
			Double reserveMonths, double minReserveMonths, double yearIncome, double yearExpenditure, Boolean balanced,
			Boolean reserveMet, String link) {

		static FundRow of(FundPosition p) {
			return new FundRow(p.region(), p.scheme(), p.schemeLabel(), p.income(), p.expenditure(), p.growthPercent(),
					p.reserveMonths(), p.minReserveMonths(), p.yearIncome(), p.yearExpenditure(), p.balanced(), p.reserveMet(),
					"/leads?region=" + p.region());
		}
	}

	record RuleMonth(String ruleId, String ruleName, String month, long signals, long leads, String link) {
	}
}
