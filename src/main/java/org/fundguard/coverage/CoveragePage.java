package org.fundguard.coverage;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.fundguard.cases.CaseViewer;
import org.fundguard.errors.Refused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The coverage page (/coverage?year=) with its chart by region, and its CSV export (/coverage/export?year=). */
@Controller
class CoveragePage {

	private final Coverage coverage;

	CoveragePage(Coverage coverage) {
		this.coverage = coverage;
	}

	@GetMapping("/coverage")
	String page(@RequestParam(required = false) String year, Authentication auth, Model model) {
		int y;
		try {
			y = coverage.checkedYear(year);
		}
		catch (Refused e) {
			model.addAttribute("problem", e.getMessage());
			y = coverage.checkedYear(null);
		}
		CoverageReport report = coverage.of(y, coverage.regionsFor(CaseViewer.of(auth).regionPrefixes()));
		model.addAttribute("report", report);
		model.addAttribute("chartRegions", report.regions().stream().map(RegionCoverage::region).collect(Collectors.joining(",")));
		model.addAttribute("chartInstitutions", join(report, RegionCoverage::institutions));
		model.addAttribute("chartSelf", join(report, RegionCoverage::selfInspected));
		model.addAttribute("chartAudit", join(report, RegionCoverage::audited));
		model.addAttribute("chartInspected", join(report, RegionCoverage::inspected));
		model.addAttribute("chartFull", join(report, RegionCoverage::fullyCovered));
		return "coverage/index";
	}

	@GetMapping(path = "/coverage/export", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String year, Authentication auth) {
		return csv(coverage, year, auth);
	}

	static ResponseEntity<StreamingResponseBody> csv(Coverage coverage, String year, Authentication auth) {
		int y = coverage.checkedYear(year);
		CoverageReport report = coverage.of(y, coverage.regionsFor(CaseViewer.of(auth).regionPrefixes()));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("coverage-" + y + ".csv").build().toString())
			.body(out -> {
				var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CoverageCsv.write(report, writer);
				writer.flush();
			});
	}

	private static String join(CoverageReport report, java.util.function.ToIntFunction<RegionCoverage> figure) {
		return report.regions().stream().map(r -> Integer.toString(figure.applyAsInt(r))).collect(Collectors.joining(","));
	}
}
