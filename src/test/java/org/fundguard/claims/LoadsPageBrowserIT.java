package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An analyst loads an export in the workbench and reads its counts and rejects. */
@IntegrationTest
class LoadsPageBrowserIT {

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@Test
	void anAnalystLoadsAFolderAndSeesCountsAndTheRejectedRow() {
		String p = "B" + UUID.randomUUID().toString().substring(0, 6) + "-";
		Path folder = new TinyExport(p).set("persons.csv", 1, "gender", "9").writeTo(temp.resolve("export"));

		try (Browser browser = new Browser()) {
			browser.open(url("/"));
			browser.signInAtKeycloak("analyst1", DemoUsers.PASSWORD);
			browser.waitFor(By.id("link-loads")).click();
			browser.waitFor(By.id("folder")).sendKeys(folder.toString());
			browser.driver().findElement(By.id("load-folder")).click();

			browser.waitForText("已完成（有拒绝行）");
			assertThat(browser.waitFor(By.id("file-counts")).getText()).contains("persons.csv 2 1 1");
			assertThat(browser.driver().findElement(By.id("rejects")).getText())
				.contains("persons.csv", "gender", "'9' is not one of 1, 2");
			assertThat(browser.driver().findElement(By.id("download-rejects")).getDomAttribute("href")).endsWith("/rejects.csv");
			browser.screenshot("loads-analyst1");
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
