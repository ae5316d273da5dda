package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.FileCounts;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Interchange 1.1 against the real Elasticsearch: the items.csv restrictions and their refusals, the person facts the
 * knowledge-base rules read from lines, settlements and persons, and the catalogue imported alone.
 */
@IntegrationTest
class KnowledgeBaseLoadIT {

	private static final String[] COLUMNS_1_1 = { "gender_only", "min_age", "max_age", "med_types", "max_qty_per_day",
			"exclusive_with" };

	@Autowired
	ClaimsLoader loader;

	@Autowired
	ClaimIndices indices;

	@Autowired
	ElasticsearchClient elasticsearch;

	@TempDir
	Path temp;

	@Test
	void aVersionOneExportLoadsAsBeforeWithThePersonFactsAdded() throws IOException {
		String p = prefix();
		LoadRecord record = loader.load(new TinyExport(p).writeTo(temp.resolve("v1")), "test", LoadProgress.NONE);

		assertThat(record.status()).as(record.message()).isEqualTo("COMPLETED");
		assertThat(record.kind()).isEqualTo(LoadRecord.EXPORT);
		JsonNode item = source(indices.items(), "XA10BAA001A001010100001");
		for (String column : COLUMNS_1_1) {
			assertThat(item.has(column)).as(column).isFalse();
		}
		JsonNode line = source(indices.claims(), p + "S1#1");
		assertThat(line.get("gender").asText()).isEqualTo("1");
		assertThat(line.get("age_at_visit").asInt()).as("born 1958-03-14, visit 2026-03-02").isEqualTo(67);
		JsonNode settlement = source(indices.settlements(), p + "S1");
		assertThat(settlement.get("enroll_date").asText()).isEqualTo("2010-01-01");
		assertThat(settlement.has("end_date")).isFalse();
		assertThat(settlement.get("covered_at_visit").asBoolean()).isTrue();
		assertThat(settlement.has("outpatient_day_key")).as("med_type 14").isFalse();
		assertThat(source(indices.persons(), p + "P1").has("enrolled_days_after_death")).isFalse();
	}

	@Test
	void restrictionsLoadAndInvalidOnesRejectTheItemRowNamingTheColumn() throws IOException {
		String p = prefix();
		String psa = serviceCode();
		String plain = serviceCode();
		String badGender = serviceCode();
		String pointsAtRejected = serviceCode();
		TinyExport export = new TinyExport(p).addColumns("items.csv", COLUMNS_1_1)
			.addRow("items.csv", Map.of("item_code", psa, "item_name", "前列腺特异性抗原测定", "item_type", "service", "gender_only", "1",
					"min_age", "18", "med_types", "11;14", "max_qty_per_day", "2", "exclusive_with", plain))
			.addRow("items.csv", Map.of("item_code", plain, "item_name", "血清总蛋白测定", "item_type", "service"))
			.addRow("items.csv", Map.of("item_code", badGender, "item_name", "产前检查", "item_type", "service", "gender_only", "3"))
			.addRow("items.csv", Map.of("item_code", pointsAtRejected, "item_name", "胎心监测", "item_type", "service",
					"exclusive_with", badGender))
			.addRow("items.csv", Map.of("item_code", serviceCode(), "item_name", "a", "item_type", "service", "max_age", "-1"))
			.addRow("items.csv", Map.of("item_code", serviceCode(), "item_name", "b", "item_type", "service", "min_age", "18",
					"max_age", "17"))
			.addRow("items.csv", Map.of("item_code", serviceCode(), "item_name", "c", "item_type", "service", "med_types", "21;31"))
			.addRow("items.csv", Map.of("item_code", serviceCode(), "item_name", "d", "item_type", "service", "max_qty_per_day", "0"))
			.addRow("items.csv", Map.of("item_code", serviceCode(), "item_name", "e", "item_type", "service", "exclusive_with",
					"999999999999999"))
			// P2 (female, born 1990-07-02) at the hospital, general outpatient, one PSA test; and one line of the bad item
			.add("settlements.csv", p + "S3", p + "P2", "H37030300011", "370300", "370300", "11", "2026-03-06", "2026-03-06",
					"2026-03-06 10:00:00", "R31.x00", "血尿", "泌尿外科", "D002", "30.00", "20.00", "10.00")
			.add("fee_items.csv", p + "S3", "1", "2026-03-06 09:00:00", psa, "PSA", "1", "30.00", "30.00")
			.add("settlements.csv", p + "S4", p + "P2", "H37030300011", "370300", "370300", "11", "2026-03-07", "2026-03-07",
					"2026-03-07 10:00:00", "Z34.900", "", "", "", "50.00", "30.00", "20.00")
			.add("fee_items.csv", p + "S4", "1", "2026-03-07 09:00:00", badGender, "产检", "1", "50.00", "50.00")
			.set("persons.csv", 0, "end_date", "2026-07-01")
			.set("persons.csv", 0, "death_date", "2026-06-01");

		LoadRecord record = loader.load(export.writeTo(temp.resolve("v11")), "test", LoadProgress.NONE);

		List<String[]> rejects = rejects(record);
		assertThat(rejects).extracting(r -> r[0] + "|" + r[3]).containsExactlyInAnyOrder("items.csv|gender_only",
				"items.csv|max_age", "items.csv|min_age", "items.csv|med_types", "items.csv|max_qty_per_day",
				"items.csv|exclusive_with", "fee_items.csv|item_code", "settlements.csv|total_amount");
		assertThat(reason(rejects, "gender_only")).contains("gender_only", "不是 1（男）或 2（女）");
		assertThat(reason(rejects, "max_age")).contains("不是不小于 0 的整数");
		assertThat(reason(rejects, "min_age")).contains("大于最大年龄");
		assertThat(reason(rejects, "med_types")).contains("“31”");
		assertThat(reason(rejects, "max_qty_per_day")).contains("必须大于 0");
		assertThat(reason(rejects, "exclusive_with")).contains("999999999999999", "不在 items.csv 的任何一行");
		assertThat(reason(rejects, "item_code")).as("a rejected item is as good as a missing one")
			.contains(badGender, "is not in items.csv (or its row was rejected)");
		assertThat(record.files()).contains(new FileCounts("items.csv", 12, 6, 6));

		JsonNode item = source(indices.items(), psa);
		assertThat(item.get("gender_only").asText()).isEqualTo("1");
		assertThat(item.get("min_age").asInt()).isEqualTo(18);
		assertThat(item.has("max_age")).isFalse();
		assertThat(item.get("med_types")).extracting(JsonNode::asText).containsExactly("11", "14");
		assertThat(item.get("max_qty_per_day").asDouble()).isEqualTo(2.0);
		assertThat(item.get("exclusive_with")).extracting(JsonNode::asText).containsExactly(plain);
		assertThat(source(indices.items(), pointsAtRejected).get("exclusive_with")).as("the code appears in a row, if a rejected one")
			.extracting(JsonNode::asText).containsExactly(badGender);

		JsonNode line = source(indices.claims(), p + "S3#1");
		assertThat(line.get("gender").asText()).isEqualTo("2");
		assertThat(line.get("age_at_visit").asInt()).isEqualTo(35);
		assertThat(source(indices.settlements(), p + "S3").get("outpatient_day_key").asText())
			.isEqualTo(p + "P2|H37030300011|2026-03-06");
		JsonNode dead = source(indices.settlements(), p + "S1");
		assertThat(dead.get("end_date").asText()).isEqualTo("2026-07-01");
		assertThat(dead.get("covered_at_visit").asBoolean()).isTrue();
		assertThat(source(indices.persons(), p + "P1").get("enrolled_days_after_death").asInt()).isEqualTo(30);
	}

	@Test
	void aCatalogueImportedAloneUpdatesTheItemsAndLeavesLoadedClaimsAlone() throws IOException {
		String p = prefix();
		String vaccine = serviceCode();
		TinyExport export = new TinyExport(p)
			.add("items.csv", vaccine, "儿童疫苗接种", "service", "30.00", "1", "", "", "")
			.add("settlements.csv", p + "S3", p + "P2", "H37030300011", "370300", "370300", "11", "2026-03-06", "2026-03-06",
					"2026-03-06 10:00:00", "Z23.000", "", "", "", "60.00", "40.00", "20.00")
			.add("fee_items.csv", p + "S3", "1", "2026-03-06 09:00:00", vaccine, "疫苗", "2", "30.00", "60.00");
		LoadRecord loaded = loader.load(export.writeTo(temp.resolve("export")), "test", LoadProgress.NONE);
		assertThat(loaded.status()).as(loaded.message()).isEqualTo("COMPLETED");
		JsonNode lineBefore = source(indices.claims(), p + "S3#1");
		JsonNode settlementBefore = source(indices.settlements(), p + "S3");

		TinyExport catalogue = new TinyExport(p).addColumns("items.csv", COLUMNS_1_1)
			.addRow("items.csv", Map.of("item_code", vaccine, "item_name", "儿童疫苗接种", "item_type", "service",
					"price_ceiling", "30.00", "max_qty_per_visit", "5", "max_age", "17"))
			.addRow("items.csv", Map.of("item_code", serviceCode(), "item_name", "x", "item_type", "service", "max_age", "17岁"));
		for (String file : List.of("providers.csv", "persons.csv", "settlements.csv", "fee_items.csv", "inspectors.csv",
				"fund_ledger.csv")) {
			catalogue.withoutFile(file);
		}
		LoadRecord imported = loader.load(catalogue.writeTo(temp.resolve("catalogue")), "test", LoadProgress.NONE);

		assertThat(imported.kind()).isEqualTo(LoadRecord.CATALOGUE);
		assertThat(imported.catalogue()).isTrue();
		assertThat(imported.status()).as(imported.message()).isEqualTo("COMPLETED_WITH_REJECTS");
		assertThat(imported.message()).contains("医保目录导入");
		assertThat(imported.files()).containsExactly(new FileCounts("items.csv", 5, 4, 1));
		assertThat(rejects(imported)).singleElement().satisfies(r -> assertThat(r[3]).isEqualTo("max_age"));
		JsonNode item = source(indices.items(), vaccine);
		assertThat(item.get("max_age").asInt()).isEqualTo(17);
		assertThat(item.get("max_qty_per_visit").asDouble()).isEqualTo(5.0);
		assertThat(item.get("load_id").asText()).isEqualTo(imported.id());
		assertThat(source(indices.claims(), p + "S3#1")).as("claims are not touched").isEqualTo(lineBefore);
		assertThat(source(indices.settlements(), p + "S3")).isEqualTo(settlementBefore);
		assertThat(loader.find(imported.id()).orElseThrow().kind()).isEqualTo(LoadRecord.CATALOGUE);
	}

	private static String reason(List<String[]> rejects, String column) {
		return rejects.stream().filter(r -> r[3].equals(column)).findFirst().orElseThrow()[4];
	}

	/** A service code of its own per test: the items index is keyed by code and shared by every test. */
	private static String serviceCode() {
		return "9" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
	}

	private static String prefix() {
		return "K" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
	}

	private List<String[]> rejects(LoadRecord record) throws IOException {
		return Rejects.of(loader, record.id());
	}

	private JsonNode source(String index, String id) throws IOException {
		elasticsearch.indices().refresh(r -> r.index(index));
		GetResponse<JsonNode> response = elasticsearch.get(g -> g.index(index).id(id), JsonNode.class);
		assertThat(response.found()).as(index + "/" + id).isTrue();
		return response.source();
	}
}
