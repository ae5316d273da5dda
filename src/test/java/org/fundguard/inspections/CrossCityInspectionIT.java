package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.documents.DocumentStore;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.identity.Role;
import org.fundguard.rules.SmallExport;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.WebSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * The provincial bureau (profile {@code province}, jurisdiction 37) runs a cross-city joint inspection (全省联合交叉互查)
 * over institutions of 济南, 青岛 and 淄博 with inspectors of those three cities: no team has a member of the
 * institution's city, the draw verifies in Java, from the command, and in the browser, and a further-handling result
 * becomes a case of the institution's city, which that city's inspector (real Keycloak token) sees and another
 * city's does not.
 */
@IntegrationTest
@ActiveProfiles({ "it", "province" })
class CrossCityInspectionIT extends PlanDrawing {

	/** Districts of the three cities no other test uses. */
	static final List<String> REGIONS = List.of("370188", "370288", "370388");
	static final Map<String, String> CITY_NAMES = Map.of("3701", "济南市（3701）", "3702", "青岛市（3702）", "3703", "淄博市（3703）");

	@Autowired
	Jurisdiction jurisdiction;
	@Autowired
	DocumentStore documents;
	@Autowired
	AuditCases cases;

	static String code(String region, int n) {
		return "H" + region + "%05d".formatted(n);
	}

	/** Three hospitals per city; two inspectors per city (one at the city bureau, one in a district), ids of this run. */
	private String load() throws Exception {
		String prefix = "X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		SmallExport export = new SmallExport(prefix);
		List<String> inspectors = new ArrayList<>(List.of("inspector_id,name,unit,region,certificate_no,active,conflicts"));
		for (String region : REGIONS) {
			String city = region.substring(0, 4);
			for (int n = 1; n <= 3; n++) {
				export.provider(code(region, n), "交叉互查医院" + region + "-" + n, region);
			}
			inspectors.add(String.join(",", prefix + city + "A", "检查员甲", city + "市医保局", city + "00", city + "0001", "1", ""));
			inspectors.add(String.join(",", prefix + city + "B", "检查员乙", city + "稽核分局", city + "02", city + "0002", "1", ""));
		}
		Path folder = export.writeTo(temp.resolve("export"));
		Files.writeString(folder.resolve("inspectors.csv"), String.join("\n", inspectors) + "\n", StandardCharsets.UTF_8);
		// the pool is exactly what this test loads
		jdbc.sql("update inspection_inspector set workbench_active = false").update();
		var record = loader.load(folder, "analyst1", LoadProgress.NONE);
		assertThat(record.status()).as(record.toString()).isEqualTo("COMPLETED");
		return prefix;
	}

	@Test
	void aProvincialCrossCityPlanDrawsTeamsFromOtherCitiesAndSendsAFurtherHandlingCaseToTheInstitutionsCity() throws Exception {
		assertThat(jurisdiction.regionPrefixes()).containsExactly("37");
		String prefix = load();
		String base = "http://localhost:" + port;

		// the provincial inspector drafts the plan in the workbench, which offers the cross-city mode to a provincial bureau
		WebSession province = WebSession.signIn(base, "province1", DemoUsers.PASSWORD);
		Document index = province.page("/inspections");
		assertThat(index.getElementById("cross-city")).isNotNull();
		String name = "全省交叉互查 " + prefix;
		var form = index.getElementById("new-plan");
		// as the browser sends it: unchecked boxes and radios are not sent
		form.select("input[type=checkbox]:not(#cross-city), input[type=radio]").remove();
		var created = province.submit(form, Map.of("name", name, "regions", String.join(" ", REGIONS),
				"sampleMode", "count", "sampleCount", "9", "stratifyBy", "region", "inspectorsPerInstitution", "2",
				"crossCity", "true"));
		long planId = Long.parseLong(created.uri().getPath().replaceAll(".*/", ""));
		assertThat(plans.get(planId).draft().crossCity()).isTrue();
		assertThat(province.page("/inspections/plans/" + planId).getElementById("cross-city-mode").text()).contains("跨市交叉互查");
		tasks.complete(InspectionExport.planTask(tasks, planId, "Task_DraftPlan").id(),
				InspectionExport.user("province1", Role.INSPECTOR), Map.of());
		tasks.complete(InspectionExport.planTask(tasks, planId, "Task_ApprovePlan").id(),
				InspectionExport.user("director1", Role.DIRECTOR), Map.of("planDecision", "APPROVE", "decisionOpinion", "同意"));
		awaitPublished(planId);

		// the commitment froze the mode; every team comes from other cities, every same-city inspector is recorded
		DrawRecord draw = draws.current(planId).orElseThrow();
		assertThat(draw.parameters()).endsWith(";recuse=city");
		PublishedDraw published = draws.published(draw.id());
		assertThat(published.verify().problems()).isEmpty();
		assertThat(published.pool()).hasSize(6);
		List<Inspection> drawn = inspections.ofPlan(planId);
		assertThat(drawn).hasSize(9).allSatisfy(i -> {
			String city = i.providerRegion().substring(0, 4);
			assertThat(i.team()).hasSize(2).allSatisfy(m -> assertThat(m.region()).doesNotStartWith(city));
			assertThat(published.result().skipped()).filteredOn(s -> s.institution().equals(i.providerCode()))
				.containsExactlyInAnyOrder(new DrawResult.Skip(i.providerCode(), prefix + city + "A", DrawResult.Reason.SAME_CITY),
						new DrawResult.Skip(i.providerCode(), prefix + city + "B", DrawResult.Reason.SAME_CITY));
		});

		// the public's download verifies from the command line (fundguard draw verify runs DrawCommand)
		var inputs = Http.get(base + "/public/inspections/draws/" + draw.id() + "/inputs.json", null);
		Path file = Files.writeString(temp.resolve("inputs.json"), inputs.body(), StandardCharsets.UTF_8);
		var out = new ByteArrayOutputStream();
		assertThat(DrawCommand.run(new String[] { "verify", file.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8)))
			.as(out.toString(StandardCharsets.UTF_8))
			.isZero();

		// on site in 淄博: an inspector of the team (from 济南 or 青岛) records that the case needs further handling
		Inspection zibo = drawn.stream().filter(i -> i.providerRegion().equals("370388")).findFirst().orElseThrow();
		String recorder = zibo.team().getFirst().region().startsWith("3701") ? "jinan1" : "qingdao1";
		String other = recorder.equals("jinan1") ? "qingdao1" : "jinan1";
		String doc = documents.store("现场检查记录.pdf", "%PDF-1.4\n交叉互查现场检查记录\n%%EOF".getBytes(StandardCharsets.UTF_8), recorder).id();
		tasks.complete(InspectionExport.inspectionTask(tasks, zibo).id(), InspectionExport.user(recorder, Role.INSPECTOR),
				InspectionExport.form("inspectionResult", "FURTHER_HANDLING", "resultNote", "串换项目收费", "recordDocumentId", doc));
		String number = inspections.get(zibo.id()).caseNumber();
		assertThat(number).isNotNull();
		AuditCase opened = cases.findByNumber(number).orElseThrow();
		assertThat(opened.subjectRegion()).isEqualTo("370388");

		// the home city's inspector sees and lists the case; the inspectors of the other two cities do not
		assertThat(caseStatus("zibo1", number)).isEqualTo(200);
		assertThat(caseList("zibo1", number)).contains(number);
		assertThat(caseStatus(recorder, number)).isEqualTo(403);
		assertThat(caseStatus(other, number)).isEqualTo(403);
		assertThat(caseList(other, number)).doesNotContain(number);
		assertThat(caseStatus("province1", number)).isEqualTo(200);

		// the provincial plan shows each member's city, the recusals, and where the case went
		Document planPage = province.page("/inspections/plans/" + planId);
		String row = planPage.getElementById("inspections").select("tr:contains(" + zibo.providerCode() + ")").text();
		assertThat(row).contains("淄博市（3703）", "已转淄博市（3703）医保局办理：" + number)
			.containsAnyOf("济南市（3701）", "青岛市（3702）");
		assertThat(planPage.getElementById("recusals").text()).contains("跨市交叉：同市回避", prefix + "3703A", "淄博市（3703）");

		assertThat(province.page("/inspections/inspections/" + zibo.id()).getElementById("case-number").text())
			.isEqualTo(number + "（转淄博市（3703）医保局办理）");

		// the public plan page names the members' cities too
		String publicPlan = Http.get(base + "/public/inspections/plans/" + planId, null).body();
		var publicRows = org.jsoup.Jsoup.parse(publicPlan).getElementById("public-inspections");
		for (Inspection i : drawn) {
			assertThat(publicRows.select("tr:contains(" + i.providerCode() + ")").text())
				.contains(i.team().stream().map(m -> CITY_NAMES.get(m.region().substring(0, 4))).toList());
		}

		// the browser re-runs the cross-city draw on the public proof page; dropping the recusal breaks the commitment
		try (Browser browser = new Browser()) {
			browser.open(base + "/public/inspections/draws/" + draw.id());
			assertThat(browser.waitFor(By.id("skipped")).getText()).contains("跨市交叉：同市回避", "淄博市（3703）");
			String drawnTable = browser.driver().findElement(By.id("drawn")).getText();
			drawn.forEach(i -> i.team().forEach(m -> assertThat(drawnTable).contains(m.inspectorId() + "（" + CITY_NAMES.get(m.region().substring(0, 4)) + "）")));
			assertThat(browser.driver().findElement(By.id("cross-city-mode")).getText()).contains("跨市交叉互查");
			browser.driver().findElement(By.id("verify-browser")).click();
			assertThat(verdict(browser)).startsWith("验证通过：浏览器重新计算");
			Object changed = ((JavascriptExecutor) browser.driver()).executeScript("const t = document.getElementById('inputs');"
					+ " const before = t.value; t.value = t.value.replace(/\"recuseSameCity\"\\s*:\\s*true/, '\"recuseSameCity\": false');"
					+ " return t.value !== before;");
			assertThat(changed).isEqualTo(true);
			browser.driver().findElement(By.id("verify-browser")).click();
			assertThat(verdict(browser)).startsWith("验证失败");
			assertThat(browser.driver().findElement(By.id("problems")).getText()).contains("承诺值");
			browser.screenshot("cross-city-draw");
		}
	}

	private int caseStatus(String user, String number) throws Exception {
		return Http.get("http://localhost:" + port + "/api/cases/" + number, KeycloakTokens.accessToken(user)).statusCode();
	}

	private String caseList(String user, String number) throws Exception {
		var response = Http.get("http://localhost:" + port + "/api/cases?number=" + number, KeycloakTokens.accessToken(user));
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private void awaitPublished(long planId) throws InterruptedException {
		long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (plans.get(planId).status() != PlanStatus.PUBLISHED && System.nanoTime() < end) {
			assertThat(plans.get(planId).status()).isNotEqualTo(PlanStatus.DRAW_STOPPED);
			Thread.sleep(200);
		}
		assertThat(plans.get(planId).status()).isEqualTo(PlanStatus.PUBLISHED);
	}

	private static String verdict(Browser browser) {
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
			.until(d -> {
				String t = d.findElement(By.id("verdict")).getText();
				return !t.isEmpty() && !t.startsWith("正在");
			});
		return browser.driver().findElement(By.id("verdict")).getText();
	}
}
