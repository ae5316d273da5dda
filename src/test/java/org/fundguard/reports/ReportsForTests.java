package org.fundguard.reports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.fundguard.documents.DocumentType;
import org.springframework.context.ApplicationContext;

/** An anonymous report through the module's own intake, for other modules' tests; returns its id. */
public final class ReportsForTests {

	private ReportsForTests() {
	}

	public static long anonymousReport(ApplicationContext context, String description) {
		Reports reports = context.getBean(Reports.class);
		var receipt = reports.submit(new NewReport(SubjectKind.OTHER_INSTITUTION, null, "通知测试诊所",
				ReportCategory.FAKE_TREATMENT, description, "2026 年", new BigDecimal("100"), false, null,
				List.of(new Evidence("证据.txt", DocumentType.TEXT, "收费单据".getBytes(StandardCharsets.UTF_8)))));
		return reports.findByNumber(receipt.number()).orElseThrow().id();
	}
}
