package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rules page warns, in Chinese, while an export's last load failed, names the folder and links its load; once a
 * load of that folder completes, the warning no longer names it.
 */
@IntegrationTest
class HalfLoadWarningBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ClaimsLoader loader;

	@TempDir
	Path temp;

	@Test
	void theRulesPageWarnsOfAFolderWhoseLastLoadFailedUntilItIsLoadedAgain() throws Exception {
		Path folder = Files.createDirectories(temp.resolve("export-" + UUID.randomUUID().toString().substring(0, 8)));
		// an empty folder: the load fails (no export files), as any failed load does
		LoadRecord failed = loader.load(folder, "analyst1", LoadProgress.NONE);
		assertThat(failed.status()).as(failed.message()).isEqualTo("FAILED");

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/rules");
			browser.signInAtKeycloak("analyst1", DemoUsers.PASSWORD);
			String warning = browser.waitFor(By.id("unfinished-loads")).getText();
			assertThat(warning).contains("数据不完整", "虚假疑点", folder.toAbsolutePath().toString(), "失败");
			assertThat(browser.driver().findElement(By.linkText(folder.toAbsolutePath().toString())).getAttribute("href"))
				.endsWith("/loads/" + failed.id());

			String p = "HW" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
			new SmallExport(p).person("P1", 104, "")
				.visit("S1", "P1", "H37030300011", "11", "2021-09-02", "E11.900", SmallExport.DRUG, "0.40")
				.writeTo(folder);
			LoadRecord rerun = loader.load(folder, "analyst1", LoadProgress.NONE);
			assertThat(rerun.status()).as(rerun.message()).startsWith("COMPLETED");

			browser.open("http://localhost:" + port + "/rules");
			assertThat(browser.waitFor(By.id("catalogue")).getText()).contains("超标准收费");
			assertThat(browser.driver().findElement(By.tagName("main")).getText())
				.doesNotContain(folder.toAbsolutePath().toString());
		}
	}
}
