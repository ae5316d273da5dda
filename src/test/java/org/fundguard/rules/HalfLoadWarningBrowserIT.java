package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.fundguard.claims.UnfinishedLoad;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules page warns, in Chinese, while an export's last load failed after it began to index, names the folder,
 * its period and links its load; a load refused for a bad file indexed nothing and is no reason to warn; once a load
 * of that folder completes, the warning no longer names it.
 */
@IntegrationTest
class HalfLoadWarningBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ClaimsLoader loader;

	@TempDir
	Path temp;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRulesPageWarnsOfAFolderWhoseLastLoadFailedUntilItIsLoadedAgain() throws Exception {
		Path folder = Files.createDirectories(temp.resolve("export-" + UUID.randomUUID().toString().substring(0, 8)));
		// an empty folder: refused by the check of its files, so nothing of it was indexed and nothing is half-loaded
		LoadRecord refused = loader.load(folder, "analyst1", LoadProgress.NONE);
		assertThat(refused.status()).as(refused.message()).isEqualTo("FAILED");
		assertThat(loader.unfinishedExports()).extracting(UnfinishedLoad::source).doesNotContain(folder.toAbsolutePath().toString());
		// a load that failed after it began to index, as when Elasticsearch goes away mid-load, with its period read
		String failed = UUID.randomUUID().toString();
		OffsetDateTime now = OffsetDateTime.now();
		jdbc.sql("""
				insert into claims_load (id, source, requested_by, status, message, started_at, heartbeat_at, finished_at,
				rejects_path, indexing_started, period_from, period_to)
				values (?, ?, 'analyst1', 'FAILED', 'Elasticsearch gone', ?, ?, ?, '/tmp/none.csv', true, ?, ?)""")
			.params(failed, folder.toAbsolutePath().toString(), now, now, now, LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30))
			.update();

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/rules");
			browser.signInAtKeycloak("analyst1", DemoUsers.PASSWORD);
			String warning = browser.waitFor(By.id("unfinished-loads")).getText();
			assertThat(warning).contains("数据不完整", "虚假疑点", folder.toAbsolutePath().toString(), "失败",
					"导出期间 2021-09-01 至 2021-09-30");
			assertThat(browser.driver().findElement(By.linkText(folder.toAbsolutePath().toString())).getAttribute("href"))
				.endsWith("/loads/" + failed);

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
