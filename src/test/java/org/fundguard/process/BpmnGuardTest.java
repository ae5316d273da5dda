package org.fundguard.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Every BPMN file in {@code bpmn/} names only delegates, beans, variables and forms that exist, and every
 * process has a historyTimeToLive. Runs against the real application context, so a renamed bean fails here
 * and not in a running case.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:bpmn-guard;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false" })
class BpmnGuardTest {

	@Autowired
	ApplicationContext context;

	@Test
	void everyProcessModelNamesOnlyThingsThatExist() throws Exception {
		var guard = new BpmnGuard(context::containsBean, declaredVariables(), Path.of("forms"));

		assertThat(guard.check(Path.of("bpmn"))).isEmpty();
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

	private static Set<String> declaredVariables() {
		return Arrays.stream(ProcessVariables.class.getDeclaredFields())
			.filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
			.map(BpmnGuardTest::valueOf)
			.collect(Collectors.toSet());
	}

	private static String valueOf(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}
}
