package org.fundguard.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The forms in {@code forms/} open cleanly in Camunda Modeler and render in FundGuard's pages; the check is shown to
 * report each kind of broken form on fixtures.
 */
class FormFilesTest {

	@Test
	void everyFormIsAValidCamundaFormThatTaskFormRenders() throws Exception {
		assertThat(new FormFiles().check(Path.of("forms"))).isEmpty();
	}

	@Test
	void eachKindOfBrokenFormIsReported() throws Exception {
		List<String> problems = new FormFiles().check(Path.of("src/test/resources/guard/form-files"));

		assertThat(problems).filteredOn(p -> !p.startsWith("not-json.form")).containsExactlyInAnyOrder(
				"broken.form: id broken-form is not the file's name", "broken.form: type should be default",
				"broken.form: has no schemaVersion",
				"broken.form: executionPlatform should be Camunda Platform with an executionPlatformVersion 7.x",
				"broken.form: component Field_Heading: text block without text",
				"broken.form: component Field_Reason: id is used twice",
				"broken.form: component Field_ReasonAgain: key reason is used twice",
				"broken.form: component Field_NoKey: number field without a key",
				"broken.form: a checkbox component has neither id nor key",
				"broken.form: component Field_Decision: radio without values (each a value and a label)",
				"broken.form: component Field_Method: select without values (each a value and a label)",
				"broken.form: component Field_Upload: type filepicker is not one TaskForm renders " + TaskForm.TYPES,
				"duplicate-id.form: id clean is also the id of clean.form",
				"duplicate-id.form: id clean is not the file's name");
		assertThat(problems).filteredOn(p -> p.startsWith("not-json.form")).singleElement()
			.asString()
			.startsWith("not-json.form: is not JSON: ");
	}
}
