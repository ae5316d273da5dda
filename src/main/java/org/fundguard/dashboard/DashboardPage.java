package org.fundguard.dashboard;

import java.time.format.DateTimeFormatter;

import org.fundguard.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The supervision dashboard (监管驾驶舱) page and its monthly reports. Who may see it is EndpointAccess's. */
@Controller
class DashboardPage {

	static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Dashboard dashboard;
	private final MonthlyReports reports;

	DashboardPage(Dashboard dashboard, MonthlyReports reports) {
		this.dashboard = dashboard;
		this.reports = reports;
	}

	@GetMapping("/dashboard")
	String page(@RequestParam(required = false) String month, Model model) {
		DashboardView v = dashboard.of(DashboardApi.month(month, dashboard));
		model.addAttribute("v", v);
		model.addAttribute("asOf", v.asOf().format(AS_OF));
		model.addAttribute("chart", DashboardCharts.of(v));
		model.addAttribute("reports", reports.all());
		return "dashboard/index";
	}

	@PostMapping("/dashboard/reports")
	String generate(@RequestParam(required = false) String month, Authentication auth) {
		MonthlyReports.Report r = reports.generate(DashboardApi.month(month, dashboard), CurrentUser.from(auth).username());
		return "redirect:/dashboard?month=" + r.month();
	}

	@GetMapping("/dashboard/reports/{id}.pdf")
	ResponseEntity<byte[]> download(@PathVariable String id) {
		return DashboardApi.pdf(reports, id);
	}
}
