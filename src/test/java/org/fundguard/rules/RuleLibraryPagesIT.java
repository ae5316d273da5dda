package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rule library's pages, signed in through the real Keycloak and read as HTML (the browser test does the same
 * with Chromium where it is installed): compose a child-only rule, dry-run, publish, see the version, export it,
 * import it under another id, run it from the catalogue and find its lead; a bad import is refused in Chinese naming
 * the field; a director is refused the library.
 */
@IntegrationTest
class RuleLibraryPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	ClaimsLoader loader;



	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@TempDir
	Path temp;

	@org.junit.jupiter.api.AfterEach
	void removeTheComposedRules() {
		ComposedRulesCleanup.remove(jdbc, events, "kid-page-");
	}

	@Test
	void anAnalystComposesDryRunsPublishesExportsImportsAndRunsARuleOnThePages() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String p = "LP" + suffix + "-";
		String item = ("XP" + suffix + "0".repeat(23)).substring(0, 23);
		String id = "kid-page-" + suffix.toLowerCase();
		SmallExport export = new SmallExport(p).item(item, "小儿化痰颗粒").person("P1", 131, "").personBorn("P2", 132, "2011-04-05")
			.visit("S1", "P1", "H37030300012", "11", "2016-01-09", "J06.900", item, "18.00")
			.visit("S2", "P2", "H37030300012", "11", "2016-01-10", "J06.900", item, "18.00");
		loader.load(export.writeTo(temp.resolve("export")), "analyst1", LoadProgress.NONE);
		String base = "http://localhost:" + port;

		WebSession analyst = WebSession.signIn(base, "analyst1", DemoUsers.PASSWORD);
		Document library = analyst.page("/rules/library");
		assertChinese(library, "library");
		for (String template : List.of("new-period-count", "new-peer-share")) {
			HttpResponse<String> form = analyst.get(library.getElementById(template).attr("href"));
			assertThat(form.statusCode()).as(template).isEqualTo(200);
			assertChinese(html(form), template);
		}
		Document compose = analyst.page(library.getElementById("new-line-condition").attr("href"));
		assertChinese(compose, "compose");
		Map<String, String> filled = Map.of("id", id, "nameZh", "儿童专用颗粒用于成人", "items", item, "condField", "age_at_visit",
				"condOp", "gt", "condValues", "17", "from", "2016-01-01", "to", "2016-01-31");
		Map<String, String> dryRun = new java.util.HashMap<>(filled);
		dryRun.put("action", "dry-run");
		Document result = html(analyst.submit(compose.getElementById("compose-form"), dryRun));
		assertThat(result.getElementById("error")).as(result.text()).isNull();
		assertThat(result.getElementById("dry-run-hits").text()).isEqualTo("1");
		assertThat(result.getElementById("dry-run-money").text()).isEqualTo("18.00");
		assertThat(result.getElementById("dry-run-samples").text()).contains(p + "S1", "就诊时年龄 大于 17").doesNotContain(p + "S2");
		assertThat(result.getElementById("rule-id").attr("value")).as("the form keeps what was typed").isEqualTo(id);
		assertChinese(result, "dry run");

		Map<String, String> publish = new java.util.HashMap<>(filled);
		publish.put("action", "publish");
		HttpResponse<String> published = analyst.submit(result.getElementById("compose-form"), publish);
		assertThat(published.uri().getPath()).isEqualTo("/rules/library/" + id);
		Document versions = html(published);
		assertThat(versions.getElementById("versions").text()).contains("第 1 版", "陈静", "\"age_at_visit\"");
		assertChinese(versions, "versions");

		HttpResponse<String> file = analyst.get("/rules/library/" + id + "/export");
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains(id + "-v1.json");
		String other = file.body().replace("\"" + id + "\"", "\"" + id + "-b\"");
		Document importPage = analyst.page("/rules/library");
		HttpResponse<String> imported = analyst.upload(importPage.getElementById("import-form"), "file", "other.json",
				other.getBytes(StandardCharsets.UTF_8), Map.of("note", "兄弟单位"));
		assertThat(imported.uri().getPath()).isEqualTo("/rules/library/" + id + "-b");
		assertThat(html(imported).getElementById("versions").text()).contains("导入自文件 other.json：兄弟单位");
		HttpResponse<String> bad = analyst.upload(importPage.getElementById("import-form"), "file", "bad.json",
				other.replace("\"severity\"", "\"severity_level\"").getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(html(bad).getElementById("error").text()).contains("severity_level");

		Document catalogue = analyst.page("/rules");
		assertThat(catalogue.getElementById("catalogue").text()).contains("儿童专用颗粒用于成人");
		Document run = html(analyst.submit(catalogue.getElementById("run-form"),
				Map.of("rule", id, "from", "2016-01-01", "to", "2016-01-31")));
		assertThat(run.getElementById("results").text()).contains("儿童专用颗粒用于成人", "成功");
		Document lead = analyst.page(run.selectFirst("#leads a[href^='/rules/leads/']").attr("href"));
		assertThat(lead.getElementById("evidence").text()).contains(p + "S1|" + item, "就诊时年龄 56").doesNotContain(p + "S2");

		WebSession director = WebSession.signIn(base, "director1", DemoUsers.PASSWORD);
		assertThat(director.get("/rules/library").statusCode()).isEqualTo(403);
		assertThat(director.page("/rules").getElementById("link-library")).as("no link to what a director may not open").isNull();
	}

	private static Document html(HttpResponse<String> response) {
		return Jsoup.parse(response.body(), response.uri().toString());
	}

	/** No Latin-script word a reader would see, as ChineseOnScreenBrowserIT judges it (text marked English aside). */
	private static void assertChinese(Document page, String name) {
		Document copy = page.clone();
		copy.select("[lang=en], [translate=no], script, style, head").remove();
		copy.select("input, textarea").remove();
		assertThat(ChineseOnScreenBrowserIT.latinWords(copy.body().text())).as(name).isEmpty();
	}
}
