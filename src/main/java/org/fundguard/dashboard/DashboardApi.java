package org.fundguard.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard as JSON, and its monthly reports: list, make one now, download. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardApi {

	private final Dashboard dashboard;
	private final MonthlyReports reports;

	DashboardApi(Dashboard dashboard, MonthlyReports reports) {
		this.dashboard = dashboard;
		this.reports = reports;
	}

	/** The figures of a month (yyyy-MM; default the fund ledger's latest month). */
	@Operation(summary = "监管驾驶舱指标（基金运行、信号线索、案件漏斗、追回与罚款、信用、专项）/ the dashboard's figures of a month")
	@GetMapping
	DashboardView figures(@RequestParam(required = false) String month) {
		return dashboard.of(month(month, dashboard));
	}

	@Operation(summary = "调度分析报告列表 / the archived monthly reports")
	@GetMapping("/reports")
	List<MonthlyReports.Report> reports() {
		return reports.all();
	}

	@Operation(summary = "生成某月调度分析报告（PDF，存档）/ make a month's report now (PDF, archived)")
	@PostMapping("/reports")
	MonthlyReports.Report generate(@RequestParam(required = false) String month, Authentication auth) {
		return reports.generate(month(month, dashboard), CurrentUser.from(auth).username());
	}

	@Operation(summary = "下载调度分析报告 PDF / download a monthly report")
	@GetMapping("/reports/{id}.pdf")
	ResponseEntity<byte[]> download(@PathVariable String id) {
		return pdf(reports, id);
	}

	static YearMonth month(String text, Dashboard dashboard) {
		if (text == null || text.isBlank()) {
			return dashboard.defaultMonth();
		}
		try {
			YearMonth m = YearMonth.parse(text.strip());
			if (m.getYear() < 2000 || m.getYear() > 2100) {
				throw Refused.because("dashboard.month.invalid", text);
			}
			return m;
		}
		catch (DateTimeParseException e) {
			throw Refused.because("dashboard.month.invalid", text);
		}
	}

	static ResponseEntity<byte[]> pdf(MonthlyReports reports, String id) {
		MonthlyReports.Report r = reports.find(id).orElseThrow(() -> Refused.notFound("dashboard.report.not-found"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(r.fileName(), StandardCharsets.UTF_8).build().toString())
			.body(reports.content(r));
	}
}
