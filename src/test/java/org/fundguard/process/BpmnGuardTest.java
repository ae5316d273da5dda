package org.fundguard.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Every BPMN file in {@code bpmn/} names only delegates, beans, variables and forms that exist, and every
 * process has a historyTimeToLive. Runs against the real application context, so a renamed bean fails here
 * and not in a running case. The variables are those the modules declare with {@code @VariablesOf}. The same context
 * tells each bean's module for the convention checks ({@link BpmnGuardConventionsTest} shows them on fixtures).
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:bpmn-guard;DB_CLOSE_DELAY=-1",
		// one user for H2, whatever owner and role the environment names for PostgreSQL
		"spring.datasource.username=sa", "spring.datasource.password=", "spring.flyway.user=sa", "spring.flyway.password=", "camunda.bpm.job-execution.enabled=false" })
class BpmnGuardTest {

	@Autowired
	ApplicationContext context;

	@Test
	void everyProcessModelNamesOnlyThingsThatExist() throws Exception {
		var guard = new BpmnGuard(context::containsBean, DeclaredProcesses.scan("org.fundguard").variables(),
				Path.of("forms"));

		assertThat(guard.check(Path.of("bpmn"))).isEmpty();
	}

	/** Ids, forms and glue of every model, and the modules' declarations of their processes. */
	@Test
	void everyProcessModelFollowsTheConventions() throws Exception {
		DeclaredProcesses declared = DeclaredProcesses.scan("org.fundguard");
		List<BpmnModel> models = BpmnModel.readAll(Path.of("bpmn"));
		List<String> problems = new ArrayList<>(declared.problems());
		problems.addAll(new BpmnGuardIds().check(models));
		problems.addAll(new BpmnGuardForms().check(models));
		problems.addAll(new BpmnGuardGlue(declared.moduleOfProcess(), Map.of(),
				this::moduleOfBean, declared.variables())
			.check(models));

		assertThat(problems).isEmpty();
	}

	@Test
	void theGuardReportsEveryKindOfDanglingName() throws Exception {
		var guard = new BpmnGuard(Set.of("existingBean")::contains, Set.of("caseId"),
				Path.of("src/test/resources/guard/forms"));

		assertThat(guard.check(Path.of("src/test/resources/guard/bpmn"))).containsExactlyInAnyOrder(
				"broken.bpmn: process Process_Broken has no historyTimeToLive",
				"broken.bpmn: serviceTask Task_MissingClass: class org.fundguard.NoSuchDelegate does not exist",
				"broken.bpmn: serviceTask Task_MissingBean: expression ${missingBean} names missingBean, which is neither a bean nor a process variable",
				"broken.bpmn: userTask Task_MissingForm: form file missing.form is not in forms/",
				"broken.bpmn: userTask Task_MissingFormRef: form missing-form is not in forms/",
				"broken.bpmn: conditionExpression : expression ${unknownVariable > 3} names unknownVariable, which is neither a bean nor a process variable");
	}

	/** The module of the bean's class (not of the proxy Spring may have made of it), or null if there is no bean. */
	private String moduleOfBean(String name) {
		if (!context.containsBean(name)) {
			return null;
		}
		Class<?> type = context.getType(name);
		return type == null ? null : BpmnGuardGlue.moduleOfClass(ClassUtils.getUserClass(type).getName());
	}
}
