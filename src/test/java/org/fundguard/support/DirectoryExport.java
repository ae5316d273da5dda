package org.fundguard.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.elastic.ElasticJson;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads an export with only a directory and an inspector pool, for the ITs that draw from a pool (inspections,
 * campaigns): the providers of the test's own regions are removed from the index first, and every other inspector of
 * the shared test database is switched off in the workbench, so that the pool is exactly what the test loads.
 */
public final class DirectoryExport {

	private DirectoryExport() {
	}

	/** Provider and inspector rows as the export's CSV has them, without header; the other files are empty. */
	public static void load(ClaimsLoader loader, JdbcClient jdbc, ElasticJson elastic, String providersAlias, Path folder,
			Collection<String> regions, List<String> providers, List<String> inspectors) throws IOException {
		for (String region : regions) {
			// this Elasticsearch has no reindex module (no _delete_by_query): find the ids, delete them in bulk
			var found = elastic.send("POST", "/" + providersAlias + "/_search",
					"{\"size\":1000,\"_source\":false,\"query\":{\"term\":{\"region\":\"" + region + "\"}}}");
			if (found != null && !found.path("hits").path("hits").isEmpty()) {
				StringBuilder bulk = new StringBuilder();
				found.path("hits").path("hits")
					.forEach(h -> bulk.append("{\"delete\":{\"_id\":\"").append(h.path("_id").asText()).append("\"}}\n"));
				elastic.send("POST", "/" + providersAlias + "/_bulk", bulk.toString());
				elastic.send("POST", "/" + providersAlias + "/_refresh", null);
			}
		}
		jdbc.sql("update inspection_inspector set workbench_active = false").update();
		Files.createDirectories(folder);
		write(folder, "providers.csv", "provider_code,provider_name,provider_type,region,level,agreement_status,agreement_start", providers);
		write(folder, "inspectors.csv", "inspector_id,name,unit,region,certificate_no,active,conflicts", inspectors);
		write(folder, "items.csv", "item_code,item_name,item_type,price_ceiling,max_qty_per_visit,restrict_diag,tags,requires_tag", List.of());
		write(folder, "persons.csv", "person_id,id_number,name,gender,birth_date,insured_region,insurance_type,enroll_date,end_date,death_date,assisted", List.of());
		write(folder, "settlements.csv", "settlement_id,person_id,provider_code,medical_region,insured_region,med_type,visit_start,"
				+ "visit_end,settle_time,diag_code,diag_name,dept_name,doctor_code,total_amount,fund_paid,self_paid", List.of());
		write(folder, "fee_items.csv", "settlement_id,line_no,item_time,item_code,item_name,quantity,unit_price,amount", List.of());
		var record = loader.load(folder, "analyst1", LoadProgress.NONE);
		if (!record.status().equals("COMPLETED")) {
			throw new IllegalStateException("test export did not load: " + record);
		}
	}

	private static void write(Path folder, String name, String header, List<String> rows) throws IOException {
		List<String> lines = new ArrayList<>(List.of(header));
		lines.addAll(rows);
		Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
	}
}
