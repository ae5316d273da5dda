package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fundguard.identity.Role;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Anyone, without signing in, re-runs a published draw on its proof page: in the browser with WebCrypto and on the
 * server; a tampered input fails both. And an inspector drafts a plan in the workbench that a director approves there.
 */
@IntegrationTest
class DrawVerificationBrowserIT extends PlanDrawing {

	@Test
	void thePublicVerifiesADrawInTheBrowserAndOnTheServerAndATamperedInputFails() throws Exception {
		InspectionExport export = new InspectionExport("370393").hospitals(12);
		export.inspectors(5, "370300", export.code(1)).inspectors(1, "370393");
		export.load(loader, jdbc, elastic, indices.providers(), temp.resolve("export"));
		PlanDraft draft = new PlanDraft("浏览器验证 " + export.prefix, LocalDate.now().getYear(), List.of(export.region), List.of(),
				List.of(), null, new java.math.BigDecimal("25"), DrawParameters.Stratification.LEVEL, false, 2,
				LocalDate.now().plusDays(30));
		long planId = process.start(draft, InspectionExport.user("inspector1", Role.INSPECTOR));
		tasks.complete(InspectionExport.planTask(tasks, planId, "Task_DraftPlan").id(),
				InspectionExport.user("inspector1", Role.INSPECTOR), Map.of());
		tasks.complete(InspectionExport.planTask(tasks, planId, "Task_ApprovePlan").id(),
				InspectionExport.user("director1", Role.DIRECTOR), Map.of("planDecision", "APPROVE"));
		long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (plans.get(planId).status() != PlanStatus.PUBLISHED && System.nanoTime() < end) {
			Thread.sleep(200);
		}
		long drawId = draws.current(planId).orElseThrow().id();

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/public");
			browser.waitFor(By.id("link-public-inspections")).click();
			browser.driver().findElement(By.linkText(draft.name())).click();
			browser.driver().findElement(By.linkText("抽取依据与验证")).click();
			assertThat(browser.waitFor(By.id("commitment")).getText()).contains(draws.current(planId).orElseThrow().commitment());
			assertThat(browser.driver().findElement(By.id("drawn")).getText()).contains("测试医院");

			browser.driver().findElement(By.id("verify-browser")).click();
			assertThat(verdict(browser, "验证")).startsWith("验证通过：浏览器重新计算");
			browser.driver().findElement(By.id("verify-server")).click();
			assertThat(verdict(browser, "服务器")).startsWith("验证通过（服务器）");
			browser.screenshot("draw-verified");

			// one byte of the seed changed: the seed no longer matches its commitment, and the draw comes out different
			String seed = browser.driver().findElement(By.id("seed")).getText();
			String tampered = seed.substring(0, 63) + (seed.endsWith("0") ? "1" : "0");
			((JavascriptExecutor) browser.driver()).executeScript(
					"const t = document.getElementById('inputs'); t.value = t.value.replace(arguments[0], arguments[1]);", seed, tampered);
			browser.driver().findElement(By.id("verify-browser")).click();
			assertThat(verdict(browser, "失败")).startsWith("验证失败");
			assertThat(browser.driver().findElement(By.id("problems")).getText()).contains("随机种子的哈希", "与公布结果不符");
			browser.driver().findElement(By.id("verify-server")).click();
			assertThat(verdictAfter(browser, "服务器")).startsWith("验证失败");
			browser.screenshot("draw-tampered");

			// a directory entry changed: its snapshot hash no longer matches the commitment
			browser.driver().findElement(By.id("restore")).click();
			((JavascriptExecutor) browser.driver()).executeScript(
					"const t = document.getElementById('inputs'); t.value = t.value.replace('测试医院5\"', '测试医院五\"');");
			browser.driver().findElement(By.id("verify-browser")).click();
			assertThat(verdict(browser, "失败")).startsWith("验证失败");
			assertThat(browser.driver().findElement(By.id("problems")).getText()).contains("检查对象名录快照的哈希");

			// the browser's implementation agrees with Java's on a weighted, stratified draw with awkward names
			((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('inputs').value = arguments[0];",
					DrawCommand.reader().writeValueAsString(weightedAndStratified()));
			browser.driver().findElement(By.id("verify-browser")).click();
			assertThat(verdict(browser, "验证")).startsWith("验证通过：浏览器重新计算");

			assertThat(browser.isPresent(By.id("current-user"))).isFalse();
			browser.open("http://localhost:" + port + "/public/inspections/draws/" + drawId + "/inputs.json");
			assertThat(browser.driver().getPageSource()).contains("fundguard-draw/1");

			// an inspector of the team records the on-site result with its record in the workbench, and publishes it
			Inspection first = inspections.ofPlan(planId).getFirst();
			browser.open("http://localhost:" + port + "/inspections/plans/" + planId);
			browser.signInAtKeycloak("inspector1", DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.id("inspections")).getText()).contains(first.providerName());
			browser.driver().findElement(By.partialLinkText(first.providerName())).click();
			Path pdf = java.nio.file.Files.writeString(temp.resolve("现场检查记录.pdf"), "%PDF-1.4\n现场检查笔录\n%%EOF");
			browser.waitFor(By.id("record-file")).sendKeys(pdf.toAbsolutePath().toString());
			new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("result"))).selectByValue("CORRECTED_ON_SITE");
			browser.driver().findElement(By.id("note")).sendKeys("重复收费 3 笔，已当场退还");
			browser.driver().findElement(By.id("save-record")).click();
			assertThat(browser.waitFor(By.id("notice")).getText()).contains("检查结果已记录");
			assertThat(browser.driver().findElement(By.id("inspection-result")).getText()).isEqualTo("发现问题已当场整改");
			browser.driver().findElement(By.id("publish-result")).click();
			assertThat(browser.waitFor(By.id("inspection-status")).getText()).isEqualTo("结果已公示");
			browser.open("http://localhost:" + port + "/inspections/pool");
			assertThat(browser.waitFor(By.id("pool")).getText()).contains(export.inspector(1));
			browser.open("http://localhost:" + port + "/public/inspections/results");
			assertThat(browser.waitFor(By.id("public-results")).getText()).contains(first.providerName(), "发现问题已当场整改");
		}
	}

	@Test
	void anInspectorDraftsAPlanInTheWorkbenchAndADirectorApprovesIt() {
		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/");
			browser.signInAtKeycloak("inspector1", DemoUsers.PASSWORD);
			browser.waitFor(By.id("link-inspections")).click();
			String name = "工作台计划 " + System.nanoTime();
			WebElement form = browser.waitFor(By.id("new-plan"));
			form.findElement(By.name("name")).sendKeys(name);
			form.findElement(By.name("regions")).sendKeys("370394");
			browser.driver().findElement(By.id("create-plan")).click();
			assertThat(browser.waitFor(By.id("plan-status")).getText()).isEqualTo("起草中");
			browser.driver().findElement(By.id("submit-plan")).click();
			assertThat(browser.waitFor(By.id("notice")).getText()).contains("已提交负责人审批");
			assertThat(browser.isPresent(By.id("approval"))).isFalse();
			String planUrl = browser.driver().getCurrentUrl();
			browser.driver().findElement(By.id("sign-out")).click();
			browser.waitForUrl("http://localhost:" + port + "/public");

			browser.open(planUrl);
			browser.signInAtKeycloak("director1", DemoUsers.PASSWORD);
			browser.waitFor(By.id("approval"));
			browser.driver().findElement(By.cssSelector("input[name=decision][value=RETURN]")).click();
			browser.driver().findElement(By.name("opinion")).sendKeys("请补充风险加权");
			browser.driver().findElement(By.id("decide-plan")).click();
			assertThat(browser.waitFor(By.id("plan-status")).getText()).isEqualTo("已退回修改");
			browser.screenshot("plan-returned");
		}
	}

	/** Computed by the Java implementation only; the browser must come to the same result. */
	private static PublishedDraw weightedAndStratified() {
		List<DirectoryEntry> directory = new java.util.ArrayList<>();
		List<DirectoryEntry> base = DrawFixtures.directory(40);
		for (int i = 0; i < base.size(); i++) {
			DirectoryEntry e = base.get(i);
			directory.add(new DirectoryEntry(e.code(), e.name() + (i % 5 == 0 ? "|分院;门诊\\部" : ""), e.type(), e.level(), e.region(),
					1 + (i * 7) % 11));
		}
		List<PoolEntry> pool = DrawFixtures.pool(9);
		DrawParameters parameters = new DrawParameters(null, 2000, DrawParameters.Stratification.TYPE, true, 3, true);
		String seedHash = Canonical.seedHash(DrawFixtures.SEED);
		String dh = Canonical.directoryHash(directory);
		String ph = Canonical.poolHash(pool);
		return new PublishedDraw(Canonical.FORMAT, new PublishedDraw.Plan(0, "加权分层", 2026, 0, 1), parameters, directory, pool,
				new PublishedDraw.Commitment(seedHash, dh, ph, Canonical.commitment(parameters, seedHash, dh, ph), "2026-01-01T00:00:00+08:00"),
				DrawFixtures.SEED, Draw.run(DrawFixtures.SEED, parameters, directory, pool), List.of());
	}

	private static String verdict(Browser browser, String contains) {
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
			.until(d -> {
				String t = d.findElement(By.id("verdict")).getText();
				return t.contains(contains) && !t.startsWith("正在");
			});
		return browser.driver().findElement(By.id("verdict")).getText();
	}

	private static String verdictAfter(Browser browser, String contains) {
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
			.until(d -> {
				String t = d.findElement(By.id("verdict")).getText();
				return !t.startsWith("正在") && (t.contains(contains) || t.startsWith("验证失败"));
			});
		return browser.driver().findElement(By.id("verdict")).getText();
	}
}
