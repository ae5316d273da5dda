package org.fundguard.campaigns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.support.DirectoryExport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small export with only a directory and an inspector pool, for the campaign ITs: institutions in regions of the
 * test's own (their earlier providers removed from the index first) and inspectors of the city, every other
 * inspector of the shared test database switched off, so the draw's pool is exactly what the test loads.
 */
final class CampaignExport {

	final String prefix = "C" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
	private final List<String> regions = new ArrayList<>();
	private final List<String> providers = new ArrayList<>();
	private final List<String> inspectors = new ArrayList<>();

	/** A hospital's code; pharmacies' codes start with P. */
	static String code(String region, int n) {
		return "H" + region + "%05d".formatted(n);
	}

	static String pharmacy(String region, int n) {
		return "P" + region + "%05d".formatted(n);
	}

	CampaignExport institutions(String region, int hospitals, int pharmacies) {
		regions.add(region);
		for (int n = 1; n <= hospitals + pharmacies; n++) {
			String type = n <= hospitals ? "hospital" : "pharmacy";
			providers.add(String.join(",", n <= hospitals ? code(region, n) : pharmacy(region, n), "专项测试" + (n <= hospitals ? "医院" : "药店") + region + "-" + n,
					type, region, n <= hospitals ? "2" : "0", "active", "2020-01-01"));
		}
		return this;
	}

	CampaignExport inspectors(int count) {
		for (int n = 1; n <= count; n++) {
			inspectors.add(String.join(",", prefix + n, "检查员" + n, "稽核科", "370300", "37039900" + n, "1", ""));
		}
		return this;
	}

	void load(ClaimsLoader loader, JdbcClient jdbc, ElasticJson elastic, String providersAlias, Path folder)
			throws IOException {
		DirectoryExport.load(loader, jdbc, elastic, providersAlias, folder, regions, providers, inspectors);
	}
}
