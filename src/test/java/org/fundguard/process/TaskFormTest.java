package org.fundguard.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The workbench reads the same Camunda Forms as Tasklist and submits typed values as Tasklist would. */
class TaskFormTest {

	private static TaskForm form(String name, Map<String, Object> variables) throws Exception {
		return TaskForm.parse(new ObjectMapper().readTree(Files.readString(Path.of("forms", name + ".form"))), variables);
	}

	@Test
	void theFindingsFormTurnsSubmittedTextIntoTypedVariablesAndSkipsReadOnlyFields() throws Exception {
		TaskForm f = form("audit-case-findings", Map.of("caseNumber", "370300-2026-000001"));

		assertThat(f.fields()).extracting(TaskForm.Field::key).startsWith("caseNumber", "violationFound", "amountToRecover");
		assertThat(f.fields().getFirst().readonly()).isTrue();
		assertThat(f.fields().getFirst().text()).isEqualTo("370300-2026-000001");
		assertThat(f.variables(Map.of("violationFound", "true", "amountToRecover", "800.50", "articles", "38",
				"intent", "FRAUD", "findingsSummary", "骗保", "caseNumber", "forged")))
			.containsEntry("violationFound", true)
			.containsEntry("amountToRecover", 800.5)
			.containsEntry("intent", "FRAUD")
			.doesNotContainKey("caseNumber");
	}

	@Test
	void aFieldLeftOutKeepsWhatTheFormShowsAndALeftOutCheckboxIsUnticked() throws Exception {
		TaskForm f = form("audit-case-findings", Map.of("findingsSummary", "已查明", "violationFound", true, "articles", "38"));

		assertThat(f.variables(Map.of("articles", "40")))
			.containsEntry("articles", "40")
			.containsEntry("findingsSummary", "已查明")
			.containsEntry("violationFound", false);
	}

	@Test
	void aRequiredFieldLeftEmptyIsRefused() throws Exception {
		assertThatThrownBy(() -> form("audit-case-desk-review", Map.of()).variables(Map.of()))
			.hasMessageContaining("书面审查意见");
	}

	@Test
	void everyAuditCaseFormUsesOnlyTheFieldTypesTheWorkbenchRenders() throws Exception {
		try (var files = Files.list(Path.of("forms"))) {
			for (Path file : files.filter(p -> p.getFileName().toString().startsWith("audit-case-")).toList()) {
				TaskForm f = form(file.getFileName().toString().replace(".form", ""), Map.of());
				assertThat(f.fields()).as(file.toString()).allMatch(x -> TaskForm.TYPES.contains(x.type()));
			}
		}
	}
}
