package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The loader against the real Elasticsearch: every rejection reason with a tiny bad file, formats, reloads. */
@IntegrationTest
class ClaimsLoaderIT {

	@Autowired
	ClaimsLoader loader;

	@Autowired
	ClaimIndices indices;

	@Autowired
	ElasticsearchClient elasticsearch;

	@TempDir
	Path temp;

	@Test
	void aValidExportLoadsCompletelyAndLoadingItAgainChangesNothing() throws IOException {
		String p = prefix();
		Path folder = new TinyExport(p).writeTo(temp.resolve("export"));

		LoadRecord first = loader.load(folder, "test", LoadProgress.NONE);
		assertThat(first.status()).as(first.message()).isEqualTo("COMPLETED");
		assertThat(first.files()).contains(new FileCounts("fee_items.csv", 3, 3, 0),
				new FileCounts("settlements.csv", 2, 2, 0), new FileCounts("persons.csv", 2, 2, 0),
				new FileCounts("inspectors.csv", 1, 1, 0), new FileCounts("fund_ledger.csv", 1, 1, 0));
		JsonNode line = source(indices.claims(), p + "S1#1");

		LoadRecord second = loader.load(folder, "test", LoadProgress.NONE);
		assertThat(second.files()).isEqualTo(first.files());
		assertThat(count(indices.claims(), "settlement_id", p + "S1")).isEqualTo(1);
		assertThat(count(indices.claims(), "settlement_id", p + "S2")).isEqualTo(2);
		assertThat(withoutLoadId(source(indices.claims(), p + "S1#1"))).isEqualTo(withoutLoadId(line));
	}

	@Test
	void documentsCarryTheFieldsTheRulesNeedAndNoPersonalDataInClear() throws IOException {
		String p = prefix();
		loader.load(new TinyExport(p).writeTo(temp.resolve("export")), "test", LoadProgress.NONE);

		JsonNode line = source(indices.claims(), p + "S1#1");
		assertThat(line.get("item_tags").get(0).asText()).isEqualTo("dialysis");
		assertThat(line.get("diag_allowed").asBoolean()).isTrue();
		assertThat(line.get("price_excess").asDouble()).isEqualTo(0.0);
		assertThat(line.get("iso_week").asText()).isEqualTo("2026-W10");
		assertThat(line.get("provider_level").asText()).isEqualTo("3");

		JsonNode settlement = source(indices.settlements(), p + "S1");
		assertThat(settlement.get("out_of_area").asBoolean()).as("insured and treated in 370300").isFalse();
		assertThat(source(indices.settlements(), p + "S2").get("out_of_area").asBoolean()).as("370300 insured, 370302 treated")
			.isTrue();
		assertThat(settlement.get("age_at_visit").asInt()).isEqualTo(67);
		assertThat(settlement.get("dialysis_amount").asDouble()).isEqualTo(410.0);
		assertThat(settlement.get("length_of_stay").asInt()).isZero();

		JsonNode person = source(indices.persons(), p + "P1");
		assertThat(person.get("name_masked").asText()).isEqualTo("王**");
		assertThat(person.get("id_hash").asText()).hasSize(64);
		assertThat(person.toString()).doesNotContain("王建国", TinyExport.P1_ID_NUMBER);
	}

	@Test
	void aFileWithBomCrlfReorderedColumnsAndQuotedCommasAndNewlinesLoads() throws IOException {
		String p = prefix();
		TinyExport export = new TinyExport(p).awkwardlyFormatted()
			.set("providers.csv", 0, "provider_name", "淄博市第一医院, \"东院区\"\n（原市立医院）")
			.set("fee_items.csv", 0, "item_name", "血液透析,每次");

		LoadRecord record = loader.load(export.writeTo(temp.resolve("export")), "test", LoadProgress.NONE);

		assertThat(record.status()).as(record.message()).isEqualTo("COMPLETED");
		assertThat(record.loaded()).isEqualTo(record.read());
		assertThat(source(indices.providers(), "H37030300011").get("provider_name").asText())
			.isEqualTo("淄博市第一医院, \"东院区\"\n（原市立医院）");
		assertThat(source(indices.claims(), p + "S1#1").get("billed_item_name").asText()).isEqualTo("血液透析,每次");
	}

	static Stream<Arguments> badRows() {
		return Stream.of(
				bad("providers.csv", "provider_code", "is not H or P followed by 11 digits", e -> e.add("providers.csv", "P3703020007", "某药房", "pharmacy", "370302", "", "active", "")),
				bad("providers.csv", "provider_code", "pharmacies have codes starting P", e -> e.add("providers.csv", "H37030200008", "某药房", "pharmacy", "370302", "", "active", "")),
				bad("providers.csv", "provider_type", "is not one of", e -> e.add("providers.csv", "H37030200009", "某所", "hospice", "370302", "", "active", "")),
				bad("providers.csv", "region", "not a 6-digit region code", e -> e.add("providers.csv", "H37030200010", "某院", "clinic", "37030", "", "active", "")),
				bad("providers.csv", "agreement_status", "is not one of", e -> e.add("providers.csv", "H37030200011", "某院", "clinic", "370302", "", "paused", "")),
				bad("providers.csv", "provider_code", "duplicate key", e -> e.copyRow("providers.csv", 0, r -> r)),
				bad("providers.csv", "agreement_start", "not a date yyyy-MM-dd", e -> e.add("providers.csv", "H37030200012", "某院", "clinic", "370302", "1", "active", "2019/01/01")),
				bad("items.csv", "item_code", "drug codes have 23 characters", e -> e.add("items.csv", "XA10BAA001", "某药", "drug", "", "", "", "", "")),
				bad("items.csv", "item_code", "consumable codes have 20 or 27 characters and start with C", e -> e.add("items.csv", "D0201010010000000000", "某耗材", "consumable", "", "", "", "", "")),
				bad("items.csv", "price_ceiling", "more than 2 decimals", e -> e.add("items.csv", "001104000020000", "某项目", "service", "1.005", "", "", "", "")),
				bad("items.csv", "max_qty_per_visit", "is not a number", e -> e.add("items.csv", "001104000030000", "某项目", "service", "", "two", "", "", "")),
				bad("persons.csv", "id_number", "check character", e -> e.copyRow("persons.csv", 1, r -> with(r, 0, r[0] + "C", 1, flipCheck(r[1])))),
				bad("persons.csv", "birth_date", "does not agree with the birth date inside id_number", e -> e.copyRow("persons.csv", 1, r -> with(r, 0, r[0] + "B", 4, "1990-07-03"))),
				bad("persons.csv", "person_id", "longer than 30 characters", e -> e.copyRow("persons.csv", 1, r -> with(r, 0, "X".repeat(31)))),
				bad("persons.csv", "gender", "is not one of", e -> e.copyRow("persons.csv", 1, r -> with(r, 0, r[0] + "G", 3, "3"))),
				bad("persons.csv", "insurance_type", "is not one of", e -> e.copyRow("persons.csv", 1, r -> with(r, 0, r[0] + "T", 6, "320"))),
				bad("persons.csv", "enroll_date", "required value is empty", e -> e.copyRow("persons.csv", 1, r -> with(r, 0, r[0] + "E", 7, ""))),
				bad("persons.csv", "person_id", "duplicate key", e -> e.copyRow("persons.csv", 1, r -> r)),
				bad("settlements.csv", "visit_end", "is before visit_start", e -> e.copyRow("settlements.csv", 1, r -> with(r, 0, r[0] + "V", 5, "21", 7, "2026-03-04"))),
				bad("settlements.csv", "visit_end", "outpatient and pharmacy settlements end on visit_start", e -> e.copyRow("settlements.csv", 1, r -> with(r, 0, r[0] + "O", 7, "2026-03-06"))),
				bad("settlements.csv", "self_paid", "fund_paid 0.00 + self_paid 15.00 ≠ total_amount 16.00", e -> e.copyRow("settlements.csv", 1, r -> with(r, 0, r[0] + "A", 13, "16.00"))),
				bad("settlements.csv", "person_id", "is not in persons.csv", e -> e.copyRow("settlements.csv", 1, r -> with(r, 0, r[0] + "R", 1, "NOBODY"))),
				bad("settlements.csv", "provider_code", "is not in providers.csv", e -> e.copyRow("settlements.csv", 1, r -> with(r, 0, r[0] + "Q", 2, "H99999999999"))),
				bad("settlements.csv", "settle_time", "not a date-time yyyy-MM-dd HH:mm:ss", e -> e.copyRow("settlements.csv", 1, r -> with(r, 0, r[0] + "T", 8, "2026-03-05T09:00"))),
				bad("settlements.csv", "med_type", "is not one of", e -> e.copyRow("settlements.csv", 1, r -> with(r, 0, r[0] + "M", 5, "99"))),
				bad("settlements.csv", "settlement_id", "duplicate key", e -> e.copyRow("settlements.csv", 1, r -> r)),
				bad("settlements.csv", "total_amount", "fee line(s) add up to 15.00, not total_amount 15.50", e -> e.set("settlements.csv", 1, "total_amount", "15.50").set("settlements.csv", 1, "self_paid", "15.50")),
				bad("fee_items.csv", "settlement_id", "is not in settlements.csv", e -> e.copyRow("fee_items.csv", 1, r -> with(r, 0, "NOSUCH"))),
				bad("fee_items.csv", "item_code", "is not in items.csv", e -> e.copyRow("fee_items.csv", 1, r -> with(r, 1, "3", 3, "XA10BAA001A001010199999"))),
				bad("fee_items.csv", "line_no", "is not positive", e -> e.copyRow("fee_items.csv", 1, r -> with(r, 1, "0"))),
				bad("fee_items.csv", "line_no", "is not a whole number", e -> e.copyRow("fee_items.csv", 1, r -> with(r, 1, "1.5"))),
				bad("fee_items.csv", "line_no", "repeats within settlement", e -> e.copyRow("fee_items.csv", 1, r -> r)),
				bad("fee_items.csv", "line_no", "repeats within settlement", e -> e.copyRow("fee_items.csv", 1, r -> with(r, 3, "XA10BAA001A001010199999"))),
				bad("fee_items.csv", "quantity", "is not positive", e -> e.copyRow("fee_items.csv", 1, r -> with(r, 1, "4", 5, "0", 7, "0.00"))),
				bad("fee_items.csv", "quantity", "more than 4 decimals", e -> e.copyRow("fee_items.csv", 1, r -> with(r, 1, "5", 5, "1.00001"))),
				bad("fee_items.csv", "unit_price", "is negative", e -> e.copyRow("fee_items.csv", 1, r -> with(r, 1, "6", 6, "-0.50", 7, "-10.00"))),
				bad("fee_items.csv", "amount", "≠ quantity × unit_price", e -> e.copyRow("fee_items.csv", 1, r -> with(r, 1, "7", 7, "10.02"))),
				bad("fee_items.csv", "item_time", "is outside the settlement's visit", e -> e.copyRow("fee_items.csv", 1, r -> with(r, 1, "8", 2, "2026-03-06 09:00:00"))),
				bad("fee_items.csv", "*", "row has 7 cells, the header has 8", e -> e.add("fee_items.csv", "X", "1", "2026-03-05 09:00:00", "XA10BAA001A001010100001", "1", "0.50", "0.50")),
				bad("inspectors.csv", "active", "is not one of", e -> e.copyRow("inspectors.csv", 0, r -> with(r, 0, r[0] + "A", 5, "yes"))),
				bad("inspectors.csv", "conflicts", "is not in providers.csv", e -> e.copyRow("inspectors.csv", 0, r -> with(r, 0, r[0] + "C", 6, "H99999999999"))),
				bad("fund_ledger.csv", "month", "is not a month yyyy-MM", e -> e.add("fund_ledger.csv", "370300", "390", "2026-13", "1.00", "1.00")),
				bad("fund_ledger.csv", "month", "duplicate key", e -> e.copyRow("fund_ledger.csv", 0, r -> r)));
	}

	@ParameterizedTest(name = "{0}: {1} {2}")
	@MethodSource("badRows")
	void aBadRowIsReportedWithFileRowColumnAndReasonAndTheGoodRowsStillLoad(String file, String column, String reason,
			UnaryOperator<TinyExport> spoil) throws IOException {
		String p = prefix();
		TinyExport export = spoil.apply(new TinyExport(p));

		LoadRecord record = loader.load(export.writeTo(temp.resolve("export")), "test", LoadProgress.NONE);

		assertThat(record.status()).as(record.message()).isEqualTo("COMPLETED_WITH_REJECTS");
		List<String[]> rejects = rejects(record);
		assertThat(rejects).as("one rejected row").hasSize(1);
		String[] reject = rejects.getFirst();
		assertThat(reject[0]).isEqualTo(file);
		assertThat(Long.parseLong(reject[1])).as("row number").isGreaterThan(1);
		assertThat(reject[3]).isEqualTo(column);
		assertThat(reject[4]).contains(reason);
		FileCounts counts = record.files().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow();
		long alsoWithdrawnLines = reason.contains("fee line(s) add up") ? 2 : 0;
		assertThat(counts.rejected()).isEqualTo(1);
		assertThat(record.rejected()).isEqualTo(1 + alsoWithdrawnLines);
		assertThat(record.loaded()).isEqualTo(record.read() - 1 - alsoWithdrawnLines);
		if (alsoWithdrawnLines > 0) {
			assertThat(count(indices.claims(), "settlement_id", p + "S2")).as("fee lines taken out again").isZero();
		}
	}

	@Test
	void aMissingRequiredColumnRejectsTheWholeExportBeforeAnythingLoads() throws IOException {
		String p = prefix();
		TinyExport export = new TinyExport(p).dropColumn("fee_items.csv", "amount");

		LoadRecord record = loader.load(export.writeTo(temp.resolve("export")), "test", LoadProgress.NONE);

		assertThat(record.status()).isEqualTo("FAILED");
		assertThat(record.message()).contains("fee_items.csv", "required column(s) missing", "amount");
		indices.ensureReadable();
		assertThat(count(indices.persons(), "person_id", p + "P1")).isZero();
	}

	@Test
	void aMissingRequiredFileRejectsTheWholeExport() throws IOException {
		TinyExport export = new TinyExport(prefix()).withoutFile("items.csv");

		LoadRecord record = loader.load(export.writeTo(temp.resolve("export")), "test", LoadProgress.NONE);

		assertThat(record.status()).isEqualTo("FAILED");
		assertThat(record.message()).contains("required file(s) missing", "items.csv");
	}

	private static JsonNode withoutLoadId(JsonNode document) {
		return ((com.fasterxml.jackson.databind.node.ObjectNode) document.deepCopy()).without("load_id");
	}

	private static Arguments bad(String file, String column, String reason, UnaryOperator<TinyExport> spoil) {
		return Arguments.of(file, column, reason, spoil);
	}

	private static String[] with(String[] row, Object... indexValuePairs) {
		for (int i = 0; i < indexValuePairs.length; i += 2) {
			row[(Integer) indexValuePairs[i]] = (String) indexValuePairs[i + 1];
		}
		return row;
	}

	private static String flipCheck(String id) {
		char wrong = id.charAt(17) == '1' ? '2' : '1';
		return id.substring(0, 17) + wrong;
	}

	private static String prefix() {
		return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
	}

	private List<String[]> rejects(LoadRecord record) throws IOException {
		return Rejects.of(loader, record.id());
	}

	private long count(String index, String field, String value) throws IOException {
		elasticsearch.indices().refresh(r -> r.index(index));
		return elasticsearch.count(c -> c.index(index).query(q -> q.term(t -> t.field(field).value(value)))).count();
	}

	private JsonNode source(String index, String id) throws IOException {
		GetResponse<JsonNode> response = elasticsearch.get(g -> g.index(index).id(id), JsonNode.class);
		assertThat(response.found()).as(index + "/" + id).isTrue();
		return response.source();
	}
}
