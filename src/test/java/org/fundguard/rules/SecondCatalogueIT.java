package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.IdNumber;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ten rules of the second catalogue against the real Elasticsearch, on a hand-made 1.1 export in a period and a
 * region of their own (2013-06..2014-12, 3799): each rule's case and the edge next to it that is no case; then the
 * catalogue imported alone with a lower max_age and max_qty_per_visit and the next run finding the new hits
 * in claims loaded before the change.
 */
@IntegrationTest
class SecondCatalogueIT {

	static final Window WINDOW = new Window(LocalDate.of(2013, 6, 1), LocalDate.of(2014, 12, 31));
	static final List<String> REGION = List.of("3799");
	static final String MALE_ONLY = "339999000000001";
	static final String CHILD_ONLY = "339999000000002";
	static final String INPATIENT_ONLY = "339999000000003";
	static final String DAILY_TWO = "339999000000004";
	static final String EXCLUDES_B = "339999000000005";
	static final String EXCLUDED = "339999000000006";
	static final String VISIT_TEN = "339999000000007";
	static final String H = "H37990100001";

	@Autowired
	ClaimsLoader loader;

	@Autowired
	RuleEngine engine;

	@Autowired
	ElasticJson elastic;

	@Autowired
	SignalIndex signals;

	@Autowired
	ClaimIndices claims;

	@Autowired
	RuleCatalogue catalogue;

	@Autowired
	RuleParameters parameters;

	@TempDir
	Path temp;

	final Map<String, List<String>> files = new LinkedHashMap<>();

	@Test
	void eachRuleFindsItsCaseAndNotTheEdgeBesideItAndACatalogueChangeReachesLoadedClaims() throws Exception {
		String p = "KB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		file("providers.csv", "provider_code,provider_name,provider_type,region,level,agreement_status,agreement_start",
				H + ",测试医院,hospital,379901,2,active,2010-01-01");
		file("items.csv", "item_code,item_name,item_type,price_ceiling,max_qty_per_visit,restrict_diag,tags,requires_tag,"
				+ "gender_only,min_age,max_age,med_types,max_qty_per_day,exclusive_with",
				MALE_ONLY + ",前列腺检查,service,,,,,,1,,,,,",
				CHILD_ONLY + ",儿童项目,service,,,,,,,,17,,,",
				INPATIENT_ONLY + ",住院项目,service,,,,,,,,,21,,",
				DAILY_TWO + ",每日两次项目,service,,,,,,,,,,2,",
				EXCLUDES_B + ",互斥甲,service,,,,,,,,,,," + EXCLUDED,
				EXCLUDED + ",互斥乙,service,,,,,,,,,,,",
				VISIT_TEN + ",单次十项目,service,,10,,,,,,,,,");
		file("persons.csv", "person_id,id_number,name,gender,birth_date,insured_region,insurance_type,enroll_date,end_date,death_date,assisted");
		file("settlements.csv", "settlement_id,person_id,provider_code,medical_region,insured_region,med_type,visit_start,visit_end,"
				+ "settle_time,diag_code,diag_name,dept_name,doctor_code,total_amount,fund_paid,self_paid");
		file("fee_items.csv", "settlement_id,line_no,item_time,item_code,item_name,quantity,unit_price,amount");
		file("fund_ledger.csv", "region,insurance_type,month,income,opening_balance");
		person(p + "F", 1, "2", "1980-01-01", "2010-01-01", "", "");
		person(p + "C", 2, "1", "1996-02-29", "2010-01-01", "", "");
		person(p + "E", 3, "1", "1970-01-01", "2010-01-01", "2014-05-06", "");
		person(p + "D0", 4, "1", "1940-01-01", "2010-01-01", "", "2014-03-01");
		person(p + "D30", 5, "1", "1940-01-01", "2010-01-01", "2014-03-31", "2014-03-01");
		person(p + "D31", 6, "1", "1940-01-01", "2010-01-01", "2014-04-01", "2014-03-01");
		// gender: a male-only item for a woman
		visit(p + "A1", p + "F", "11", "2014-02-10", "2014-02-10", "Z00.000", line(MALE_ONLY, "2014-02-10", "1", "20.00"));
		// age: born 29 February 1996, 17 on 28 February 2014, 18 on 1 March
		visit(p + "A2", p + "C", "11", "2014-02-28", "2014-02-28", "Z00.000", line(CHILD_ONLY, "2014-02-28", "1", "15.00"));
		visit(p + "A3", p + "C", "11", "2014-03-01", "2014-03-01", "Z00.000", line(CHILD_ONLY, "2014-03-01", "1", "15.00"));
		// med_type: an inpatient-only item at an outpatient visit, and at a stay (no hit); the stay is a minor illness
		visit(p + "A4", p + "F", "11", "2014-02-11", "2014-02-11", "Z00.000", line(INPATIENT_ONLY, "2014-02-11", "1", "30.00"));
		visit(p + "A5", p + "F", "21", "2014-02-12", "2014-02-14", "J06.900", line(INPATIENT_ONLY, "2014-02-12", "1", "30.00"));
		// daily: exactly 2 on the first day, 1 + 2 on the second
		visit(p + "A6", p + "F", "21", "2014-04-01", "2014-04-03", "N18.500", line(DAILY_TWO, "2014-04-01", "2", "5.00"),
				line(DAILY_TWO, "2014-04-02", "1", "5.00"), line(DAILY_TWO, "2014-04-02", "2", "5.00"));
		// exclusive: named on one side only; quantity 2 + 2 of an item limited to 10 a visit
		visit(p + "A7", p + "F", "11", "2014-04-10", "2014-04-10", "Z00.000", line(EXCLUDES_B, "2014-04-10", "1", "8.00"),
				line(EXCLUDED, "2014-04-10", "1", "6.00"), line(VISIT_TEN, "2014-04-10", "2", "1.00"), line(VISIT_TEN, "2014-04-10", "2", "1.00"));
		// split outpatient: exactly 2 visits on one day, 3 on the next
		for (String s : List.of("B1", "B2")) {
			visit(p + s, p + "F", "11", "2014-06-02", "2014-06-02", "Z00.000", line(VISIT_TEN, "2014-06-02", "1", "1.00"));
		}
		for (String s : List.of("C1", "C2", "C3")) {
			visit(p + s, p + "F", "11", "2014-06-03", "2014-06-03", "Z00.000", line(VISIT_TEN, "2014-06-03", "1", "1.00"));
		}
		// coverage ending on the visit day, and a visit the day after
		visit(p + "E1", p + "E", "11", "2014-05-06", "2014-05-06", "Z00.000", line(VISIT_TEN, "2014-05-06", "1", "1.00"));
		visit(p + "E2", p + "E", "11", "2014-05-07", "2014-05-07", "Z00.000", line(VISIT_TEN, "2014-05-07", "1", "1.00"));
		// the fund: 2014 has 12 months of income 1.00 each, below the year's expenditure; 2013 has 11 months
		for (int m = 1; m <= 12; m++) {
			files.get("fund_ledger.csv").add("379900,390,2014-%02d,1.00,0.00".formatted(m));
			if (m > 1) {
				files.get("fund_ledger.csv").add("379900,390,2013-%02d,0.00,0.00".formatted(m));
			}
		}
		visit(p + "Y1", p + "F", "11", "2013-07-01", "2013-07-01", "Z00.000", line(VISIT_TEN, "2013-07-01", "1", "1.00"));

		LoadRecord load = loader.load(write(temp.resolve("export")), "analyst1", LoadProgress.NONE);
		assertThat(load.status()).as(load.message()).isEqualTo("COMPLETED");
		assertThat(load.rejected()).as("rows rejected").isZero();

		RunRecord run = engine.run(new RunRequest(ids(), WINDOW, REGION, "analyst1", "CLI"));
		assertThat(run.status()).as(run.message() + run.results()).isEqualTo("COMPLETED");
		Map<String, Set<String>> found = found(p);
		assertThat(found.get("gender-restricted")).containsExactly(p + "A1|" + MALE_ONLY);
		assertThat(found.get("age-restricted")).containsExactly(p + "A3|" + CHILD_ONLY);
		assertThat(found.get("med-type-restricted")).containsExactly(p + "A4|" + INPATIENT_ONLY);
		assertThat(found.get("daily-frequency")).containsExactly(p + "A6|" + DAILY_TWO + "|2014-04-02");
		assertThat(found.get("exclusive-items")).containsExactly(p + "A7|" + EXCLUDES_B + "|" + EXCLUDED);
		assertThat(found.get("minor-illness-admission")).containsExactly(p + "A5");
		assertThat(found.get("split-outpatient")).containsExactly(p + "F|" + H + "|2014-06-03");
		assertThat(found.get("not-enrolled")).containsExactly(p + "E2");
		assertThat(found.get("enrolled-after-death")).containsExactlyInAnyOrder(p + "D0", p + "D31");
		assertThat(found.get("quantity-over-limit")).isNull();
		assertThat(found.get("restricted-diagnosis")).isNull();
		assertThat(found.get("price-over-ceiling")).isNull();
		assertThat(deficits()).contains("379900|390|2014").doesNotContain("379900|390|2013");
		JsonNode age = signal("age-restricted", p + "A3|" + CHILD_ONLY);
		assertThat(age.path("description").asText()).isEqualTo("儿童项目 限 17 岁及以下，参保人就诊时 18 岁");
		assertThat(age.path("money").asDouble()).isEqualTo(15.0);
		assertThat(age.path("line_refs").get(0).asText()).isEqualTo(p + "A3#1");
		JsonNode daily = signal("daily-frequency", p + "A6|" + DAILY_TWO + "|2014-04-02");
		assertThat(daily.path("measured").asDouble()).isEqualTo(3.0);
		assertThat(daily.path("money").asDouble()).isEqualTo(5.0);
		assertThat(daily.path("line_refs")).hasSize(2);
		// the minor illnesses are a list of prefixes, set per region with its history
		RuleDefinition minor = catalogue.find("minor-illness-admission").orElseThrow();
		parameters.set(minor, "3799", "diag_prefixes", "n18；J00", "analyst1");
		try {
			assertThat(parameters.shown(minor, REGION)).containsEntry("diag_prefixes", "N18;J00");
			RunRecord changed = engine.run(new RunRequest(List.of("minor-illness-admission"), WINDOW, REGION, "analyst1", "CLI"));
			assertThat(changed.result("minor-illness-admission").parameters()).isEqualTo("diag_prefixes=N18;J00");
			assertThat(found(p).get("minor-illness-admission")).containsExactly(p + "A6");
		}
		finally {
			parameters.set(minor, "3799", "diag_prefixes", null, "analyst1");
		}
		assertThat(parameters.history("minor-illness-admission").getFirst().oldValue()).isEqualTo("N18;J00");
		Searches pairs = new Searches(elastic);
		assertThat(ExclusivePairs.settlements(pairs, claims.claims(), List.of(List.of(EXCLUDES_B, EXCLUDED)),
				Q.prefixes("settlement_id", List.of(p)), 1)).containsExactly(p + "A7");
		assertThat(pairs.requests()).as("a settlement + item key a page: A7's two keys were on two pages").isGreaterThan(2);
		// jurisdiction: the same data judged for another region finds none of it
		engine.run(new RunRequest(ids(), WINDOW, List.of("3798"), "analyst1", "CLI"));
		assertThat(found(p)).isEmpty();

		// the catalogue alone is imported again: child-only up to 5 years, 3 a visit, the male-only item payable for
		// kidney failure only, a ceiling of 4.00 for the item billed at 5.00
		List<String> items = files.get("items.csv");
		items.replaceAll(row -> row.startsWith(CHILD_ONLY) ? row.replace(",17,", ",5,")
				: row.startsWith(VISIT_TEN) ? row.replace(",10,", ",3,")
				: row.startsWith(MALE_ONLY) ? row.replace(",service,,,,", ",service,,,N18,")
				: row.startsWith(DAILY_TWO) ? row.replace(",service,,", ",service,4.00,") : row);
		Path folder = Files.createDirectories(temp.resolve("catalogue"));
		Files.writeString(folder.resolve("items.csv"), String.join("\n", items) + "\n", StandardCharsets.UTF_8);
		LoadRecord imported = loader.load(folder, "analyst1", LoadProgress.NONE);
		assertThat(imported.status()).as(imported.message()).isEqualTo("COMPLETED");
		engine.run(new RunRequest(ids(), WINDOW, REGION, "analyst1", "CLI"));
		Map<String, Set<String>> after = found(p);
		assertThat(after.get("age-restricted")).containsExactlyInAnyOrder(p + "A2|" + CHILD_ONLY, p + "A3|" + CHILD_ONLY);
		assertThat(after.get("quantity-over-limit")).containsExactly(p + "A7|" + VISIT_TEN);
		assertThat(signal("quantity-over-limit", p + "A7|" + VISIT_TEN).path("measured").asDouble()).isEqualTo(4.0);
		assertThat(after.get("restricted-diagnosis")).containsExactly(p + "A1|" + MALE_ONLY);
		assertThat(signal("restricted-diagnosis", p + "A1|" + MALE_ONLY).path("description").asText())
			.isEqualTo("前列腺检查 限 N18 支付，诊断为 Z00.000");
		assertThat(after.get("price-over-ceiling")).containsExactly(p + "A6|" + DAILY_TWO);
		JsonNode price = signal("price-over-ceiling", p + "A6|" + DAILY_TWO);
		assertThat(price.path("money").asDouble()).as("1.00 above the ceiling on 2 + 1 + 2 units").isEqualTo(5.0);
		assertThat(price.path("threshold").asDouble()).isEqualTo(4.01);
		// every settlement + item sum is paged, then the lines of those over the limit read as evidence
		List<String> over = new ArrayList<>();
		Searches es = new Searches(elastic);
		QuantitySums.over(es, claims.claims(), Map.of(VISIT_TEN, 0.5), false, Q.prefixes("settlement_id", List.of(p)), o -> over.add(o.key()));
		assertThat(over).hasSize(9).contains(p + "A7|" + VISIT_TEN, p + "C3|" + VISIT_TEN);
		assertThat(es.requests()).as("one page of sums; then one evidence search").isEqualTo(2);
	}

	private static List<String> ids() {
		return List.of("gender-restricted", "age-restricted", "med-type-restricted", "daily-frequency", "exclusive-items",
				"minor-illness-admission", "split-outpatient", "not-enrolled", "enrolled-after-death", "current-deficit",
				"quantity-over-limit", "restricted-diagnosis", "price-over-ceiling");
	}

	private void file(String name, String header, String... rows) {
		files.put(name, new ArrayList<>(List.of(header)));
		files.get(name).addAll(List.of(rows));
	}

	private void person(String id, int seq, String gender, String birth, String enroll, String end, String death) {
		String first17 = "379900" + birth.replace("-", "") + "%03d".formatted(seq * 2 + ("1".equals(gender) ? 1 : 0));
		files.get("persons.csv").add(String.join(",", id, first17 + IdNumber.checkCharacter(first17), "王某", gender, birth,
				"379900", "390", enroll, end, death, "0"));
	}

	private static String[] line(String item, String day, String quantity, String unitPrice) {
		return new String[] { item, day, quantity, unitPrice };
	}

	private void visit(String id, String person, String medType, String start, String end, String diag, String[]... lines) {
		java.math.BigDecimal total = java.math.BigDecimal.ZERO;
		int n = 0;
		for (String[] l : lines) {
			java.math.BigDecimal amount = new java.math.BigDecimal(l[2]).multiply(new java.math.BigDecimal(l[3]));
			total = total.add(amount);
			files.get("fee_items.csv").add(String.join(",", id, String.valueOf(++n), l[1] + " 09:00:00", l[0], "", l[2], l[3],
					amount.setScale(2).toPlainString()));
		}
		String t = total.setScale(2).toPlainString();
		files.get("settlements.csv").add(String.join(",", id, person, H, "379901", "379900", medType, start, end,
				end + " 10:00:00", diag, "", "", "", t, t, "0.00"));
	}

	private Path write(Path folder) throws IOException {
		Files.createDirectories(folder);
		for (var e : files.entrySet()) {
			Files.writeString(folder.resolve(e.getKey()), String.join("\n", e.getValue()) + "\n", StandardCharsets.UTF_8);
		}
		return folder;
	}

	/** This test's signals of the window (not suppressed), by rule. */
	private Map<String, Set<String>> found(String prefix) {
		elastic.send("POST", "/" + signals.alias() + "/_refresh", null);
		Map<String, Set<String>> out = new LinkedHashMap<>();
		new Searches(elastic).scan(signals.alias(), Q.filter("{\"prefix\":{\"subject_key\":\"" + prefix + "\"}}",
				"{\"term\":{\"window_from\":\"" + WINDOW.from() + "\"}}", Q.term("suppressed", false)),
				"[{\"rule_id\":\"asc\"},{\"subject_key\":\"asc\"}]", "[\"rule_id\",\"subject_key\"]",
				s -> out.computeIfAbsent(s.path("rule_id").asText(), k -> new HashSet<>()).add(s.path("subject_key").asText()));
		return out;
	}

	private Set<String> deficits() {
		Set<String> out = new HashSet<>();
		new Searches(elastic).scan(signals.alias(), Q.filter(Q.term("rule_id", "current-deficit"),
				"{\"term\":{\"window_from\":\"" + WINDOW.from() + "\"}}"), "[{\"subject_key\":\"asc\"}]", "[\"subject_key\"]",
				s -> out.add(s.path("subject_key").asText()));
		return out;
	}

	private JsonNode signal(String rule, String subject) {
		JsonNode r = elastic.send("GET", "/" + signals.alias() + "/_doc/" + java.net.URLEncoder.encode(
				SignalSink.id(rule, subject, WINDOW), StandardCharsets.UTF_8), null);
		return r == null ? null : r.path("_source");
	}
}
