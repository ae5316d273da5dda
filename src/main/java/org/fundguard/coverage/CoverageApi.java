package org.fundguard.coverage;

import io.swagger.v3.oas.annotations.Operation;
import org.fundguard.cases.CaseViewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The three full coverages for the bureau's systems, as JSON and as the CSV of docs/coverage-export.md. */
@RestController
class CoverageApi {

	private final Coverage coverage;

	CoverageApi(Coverage coverage) {
		this.coverage = coverage;
	}

	@Operation(summary = "三个全覆盖：各机构自查自纠、日常稽核、抽查情况及按统筹区汇总 / the year's coverage per institution and region")
	@GetMapping("/api/coverage")
	CoverageReport year(@RequestParam(required = false) String year, Authentication auth) {
		return coverage.of(coverage.checkedYear(year), coverage.regionsFor(CaseViewer.of(auth).regionPrefixes()));
	}

	@Operation(summary = "三个全覆盖导出（CSV，UTF-8 带 BOM） / the coverage list as CSV, see docs/coverage-export.md")
	@GetMapping(path = "/api/coverage/export", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String year, Authentication auth) {
		return CoveragePage.csv(coverage, year, auth);
	}
}
