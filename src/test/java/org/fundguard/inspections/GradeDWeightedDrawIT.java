package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fundguard.calendar.Deadlines;
import org.fundguard.identity.Role;
import org.fundguard.support.Browser;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A credit grade D (issue 19), from a refusal recorded in the real inspection flow and two more, weighs in the published directory, and the weighted draw still verifies: on the server,
 * from the CLI's command ({@code ./fundguard draw verify}) and in the browser; a weight changed in the inputs fails.
 */
@IntegrationTest
class GradeDWeightedDrawIT extends PlanDrawing {

	@Autowired
	org.fundguard.documents.DocumentStore documents;
	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	TransactionTemplate transactions;


	@Test
	void aGradeDInstitutionWeighsThreeTimesInThePublishedDirectoryAndTheDrawVerifies() throws Exception {
		InspectionExport export = new InspectionExport("370388").hospitals(12);
		export.inspectors(5, "370300");
		export.load(loader, jdbc, elastic, indices.providers(), temp.resolve("export"));
		LocalDate today = LocalDate.now(Deadlines.BUREAU_ZONE);

		// the real flow once: a drawn institution refuses the on-site inspection, recorded in its task
		long first = publishedPlan(export, "信用抽查 ", today);
		Inspection refused = inspections.ofPlan(first).getFirst();
		String refusing = refused.providerCode();
		String doc = documents.store("现场检查记录.pdf", "%PDF-1.4\n拒不配合\n%%EOF".getBytes(StandardCharsets.UTF_8), "inspector1").id();
		tasks.complete(InspectionExport.inspectionTask(tasks, refused).id(), InspectionExport.user("inspector2", Role.INSPECTOR),
				InspectionExport.form("inspectionResult", "REFUSED_TO_COOPERATE", "resultNote", "拒绝提供病历", "recordDocumentId", doc));
		assertThat(jdbc.sql("select points from credit_fact where id = ?").param("REFUSED_INSPECTION:" + refused.id())
			.query(Integer.class).single()).isEqualTo(-20);
		// two more refusals (−20 each, as configured) as their events: 40 points, grade D, from today on
		long base = System.nanoTime();
		for (int i = 0; i < 2; i++) {
			InspectionRecorded refusal = new InspectionRecorded(base + i, 0, refusing, refused.providerName(), export.region,
					InspectionResult.REFUSED_TO_COOPERATE, today);
			transactions.executeWithoutResult(t -> events.publishEvent(refusal));
		}
		assertThat(scoreOf(refusing, today)).isLessThan(60);

		long drawId = draws.current(publishedPlan(export, "信用加权 ", today)).orElseThrow().id();
		String inputs = Http.get("http://localhost:" + port + "/public/inspections/draws/" + drawId + "/inputs.json", null).body();
		PublishedDraw published = DrawCommand.reader().readValue(inputs, PublishedDraw.class);
		assertThat(published.directory()).as("excluded: %s", published.excluded()).filteredOn(e -> e.code().equals(refusing))
			.singleElement().satisfies(e -> assertThat(e.weight()).isEqualTo(3));
		// the region's codes repeat from run to run in the shared test database: every entry weighs by its own facts
		assertThat(published.directory()).allSatisfy(e -> assertThat(e.weight()).as(e.code())
			.isEqualTo(scoreOf(e.code(), today) < 60 ? 3 : 1));
		assertThat(published.verify().matches()).isTrue();

		// the CLI's command on the downloaded inputs, and on inputs whose grade-D weight was put back to 1
		Path good = Files.writeString(temp.resolve("inputs.json"), inputs);
		Path bad = Files.writeString(temp.resolve("tampered.json"),
				inputs.replaceFirst("(\"code\"\\s*:\\s*\"" + refusing + "\"[^}]*\"weight\"\\s*:\\s*)3", "$11"));
		assertThat(Files.readString(bad)).isNotEqualTo(inputs);
		var out = new ByteArrayOutputStream();
		assertThat(DrawCommand.run(new String[] { "verify", good.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8)))
			.as(out.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("验证通过");
		out.reset();
		assertThat(DrawCommand.run(new String[] { "verify", bad.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8)))
			.isEqualTo(1);

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/public/inspections/draws/" + drawId);
			browser.waitFor(By.id("verify-browser")).click();
			new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
				.until(d -> d.findElement(By.id("verdict")).getText().startsWith("验证通过"));
			browser.screenshot("grade-d-draw-verified");
		}
	}

	/** The year's score by the methodology's arithmetic (deductions only here), from the facts. */
	private int scoreOf(String code, LocalDate today) {
		return jdbc.sql("select greatest(0, least(100, 100 + coalesce(sum(points), 0))) from credit_fact "
				+ "where provider_code = ? and occurred_on between ? and ?")
			.params(code, today.withDayOfYear(1), today)
			.query(Integer.class)
			.single();
	}

	private long publishedPlan(InspectionExport export, String name, LocalDate today) throws InterruptedException {
		PlanDraft draft = new PlanDraft(name + export.prefix, today.getYear(), List.of(export.region), List.of(), List.of(),
				null, new java.math.BigDecimal("25"), DrawParameters.Stratification.NONE, false, 2, today.plusDays(30));
		long planId = process.start(draft, InspectionExport.user("inspector1", Role.INSPECTOR));
		tasks.complete(InspectionExport.planTask(tasks, planId, "Task_DraftPlan").id(),
				InspectionExport.user("inspector1", Role.INSPECTOR), Map.of());
		tasks.complete(InspectionExport.planTask(tasks, planId, "Task_ApprovePlan").id(),
				InspectionExport.user("director1", Role.DIRECTOR), Map.of("planDecision", "APPROVE"));
		long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (plans.get(planId).status() != PlanStatus.PUBLISHED && System.nanoTime() < end) {
			Thread.sleep(200);
		}
		assertThat(plans.get(planId).status()).isEqualTo(PlanStatus.PUBLISHED);
		return planId;
	}
}
