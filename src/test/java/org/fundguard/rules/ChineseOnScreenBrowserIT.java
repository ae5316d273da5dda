package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fundguard.cases.AuditCase;
import org.fundguard.cases.LeadCases;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.identity.Role;
import org.fundguard.record.Actor;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 简体中文 wherever a user looks: a rules run, its lead and the case opened from it are read by each demo user on the
 * pages of their role, and no page shows a Latin-script word: no status code (OPEN, COMPLETED), rule id, role id
 * (director) or username (reviewer1). Codes that belong on a page pass: a word with a digit in it (institution codes
 * such as H37030300037, item and diagnosis codes, case and settlement numbers, ID masks), the data's field and file
 * names (diag_code, items.csv) and a short list of names and units; text a page marks as deliberately English (lang="en", the rule's English name) is not read.
 */
@IntegrationTest
class ChineseOnScreenBrowserIT {

	/** Names and units that are the same in a Chinese text. */
	private static final Set<String> ALLOWED = Set.of("FundGuard", "Camunda", "ES", "ms", "ID", "PDF", "CSV", "HTML",
			"JSON", "API", "SHA", "ISO", "Elasticsearch", "Keycloak", "JPEG", "PNG", "Office", "ZIP");
	private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_.+\\-]*");
	private static final Pattern DIGIT = Pattern.compile("\\d");

	@LocalServerPort
	int port;

	@Autowired
	ClaimsLoader loader;

	@Autowired
	RuleEngine engine;

	@Autowired
	Leads leads;

	@Autowired
	LeadCases leadCases;

	@Autowired
	RuleCatalogue catalogue;

	@TempDir
	Path temp;

	@Test
	void noPageShowsAStatusCodeRuleIdRoleIdOrUsernameToAnyDemoUser() throws Exception {
		String p = "CN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		SmallExport export = new SmallExport(p).person("P1", 105, "")
			.visit("S1", "P1", "H37030300011", "11", "2021-10-04", "E11.900", SmallExport.DRUG, "0.90");
		loader.load(export.writeTo(temp.resolve("export")), "analyst1", LoadProgress.NONE);
		RunRecord run = engine.run(new RunRequest(List.of("price-over-ceiling"),
				new Window(LocalDate.of(2021, 10, 1), LocalDate.of(2021, 10, 31)), null, "analyst1", "UI"));
		Lead lead = leads.ofRun(run.id()).getFirst();
		AuditCase c = leadCases.open(lead.id(), new Actor("director1", Role.DIRECTOR.id()));

		// in this order: the pages name analyst1 (loads, runs) and director1 (the case), and an officer's name is known
		// from his or her first sign-in, so they sign in before the others read those pages
		Map<String, List<String>> pagesByUser = orderedMap(
				"analyst1", List.of("/", "/rules", "/rules/runs/" + run.id(), "/rules/leads", "/rules/leads/" + lead.id(),
						"/rules/catalogue/price-over-ceiling", "/rules/catalogue/age-restricted", "/rules/chart", "/rules/library", "/loads", "/leads"),
				"director1", List.of("/", "/cases", "/cases/" + c.number(), "/penalties", "/rules/leads/" + lead.id(),
						"/inspections", "/leads/" + lead.id()),
				"inspector1", List.of("/", "/inspections", "/penalties"),
				"reviewer1", List.of("/", "/penalties"),
				"handler1", List.of("/", "/reports"),
				"admin1", List.of("/", "/calendar", "/loads", "/rules"));
		Set<String> codes = codesThatMustNotShow();
		List<String> found = new ArrayList<>();
		for (var user : pagesByUser.entrySet()) {
			try (Browser browser = new Browser()) {
				browser.open(url("/"));
				browser.signInAtKeycloak(user.getKey(), DemoUsers.PASSWORD);
				browser.waitFor(By.id("display-name"));
				for (String page : user.getValue()) {
					browser.open(url(page));
					browser.waitFor(By.tagName("main"));
					String text = visibleText(browser);
					Set<String> words = latinWords(text);
					if (!words.isEmpty()) {
						found.add(user.getKey() + " " + page + ": " + words);
					}
					for (String code : codes) {
						if (Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(code) + "(?![A-Za-z0-9_-])").matcher(text).find()) {
							found.add(user.getKey() + " " + page + ": shows the code " + code);
						}
					}
				}
				browser.screenshot("chinese-" + user.getKey());
			}
		}
		assertThat(found).as("Latin-script words on the pages").isEmpty();
	}

	/** Every rule id, role id and demo username: none of them is a word a user should read. */
	private Set<String> codesThatMustNotShow() {
		Set<String> codes = new LinkedHashSet<>();
		catalogue.all().forEach(r -> codes.add(r.id()));
		for (Role r : Role.values()) {
			codes.add(r.id());
		}
		DemoUsers.all().forEach(u -> codes.add(u.username()));
		return codes;
	}

	static Set<String> latinWords(String text) {
		Set<String> words = new LinkedHashSet<>();
		Matcher m = LATIN_WORD.matcher(text);
		while (m.find()) {
			String word = m.group().replaceAll("[.\\-+]+$", "");
			if (m.start() > 0 && text.charAt(m.start() - 1) == '.') {
				continue; // a file name's extension, as in 2027.csv
			}
			if (!DIGIT.matcher(word).find() && !ALLOWED.contains(word) && !isFieldOrFileName(word)) {
				words.add(word);
			}
		}
		return words;
	}

	/** diag_code, items.csv: the names of the bureau's data fields and files, which a rule's description cites. */
	private static boolean isFieldOrFileName(String word) {
		return word.contains("_") || word.matches("[a-z]+\\.(csv|json|zip)");
	}

	/** The page's text as the user sees it, without what the page marks as English on purpose. */
	private static String visibleText(Browser browser) {
		return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
				var hidden = Array.from(document.querySelectorAll('[lang=en], [translate=no]'));
				hidden.forEach(function (e) { e.dataset.display = e.style.display; e.style.display = 'none'; });
				var text = document.body.innerText;
				hidden.forEach(function (e) { e.style.display = e.dataset.display; });
				return text;""");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> orderedMap(Object... userThenPages) {
		Map<String, List<String>> out = new java.util.LinkedHashMap<>();
		for (int i = 0; i < userThenPages.length; i += 2) {
			out.put((String) userThenPages[i], (List<String>) userThenPages[i + 1]);
		}
		return out;
	}
}
