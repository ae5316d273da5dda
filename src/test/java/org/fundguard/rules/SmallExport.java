package org.fundguard.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fundguard.claims.IdNumber;

/**
 * A hand-made export for rule tests: a few settlements with one line each, keys prefixed per test. Amounts are kept
 * consistent (fund_paid = total, self_paid 0; the line is the whole settlement).
 */
public final class SmallExport {

	public static final String DIALYSIS = "001104000010000";
	public static final String DRUG = "XA10BAA001A001010100001";

	private final String p;
	private final Map<String, List<String>> files = new LinkedHashMap<>();

	public SmallExport(String prefix) {
		this.p = prefix;
		file("providers.csv", "provider_code,provider_name,provider_type,region,level,agreement_status,agreement_start",
				"H37030300011,淄博市第一医院,hospital,370303,3,active,2019-01-01",
				"H37030300012,淄博市第二医院,hospital,370303,3,active,2019-01-01");
		file("items.csv", "item_code,item_name,item_type,price_ceiling,max_qty_per_visit,restrict_diag,tags,requires_tag",
				DIALYSIS + ",血液透析,service,410.00,1,N18;N17,dialysis,",
				DRUG + ",二甲双胍片,drug,0.50,,,,");
		file("persons.csv", "person_id,id_number,name,gender,birth_date,insured_region,insurance_type,enroll_date,end_date,death_date,assisted");
		file("settlements.csv", "settlement_id,person_id,provider_code,medical_region,insured_region,med_type,visit_start,visit_end,"
				+ "settle_time,diag_code,diag_name,dept_name,doctor_code,total_amount,fund_paid,self_paid");
		file("fee_items.csv", "settlement_id,line_no,item_time,item_code,item_name,quantity,unit_price,amount");
	}

	private void file(String name, String header, String... rows) {
		files.put(name, new ArrayList<>(List.of(header)));
		files.get(name).addAll(List.of(rows));
	}

	public SmallExport person(String id, int seq, String deathDate) {
		String first17 = "370303" + "19600101" + "%03d".formatted(seq);
		String number = first17 + IdNumber.checkCharacter(first17);
		files.get("persons.csv").add(p + id + "," + number + ",王某,1,1960-01-01,370300,310,2010-01-01,," + deathDate + ",0");
		return this;
	}

	/** A person born on a day of their own (yyyy-MM-dd), e.g. a child. */
	SmallExport personBorn(String id, int seq, String birthDate) {
		String first17 = "370303" + birthDate.replace("-", "") + "%03d".formatted(seq);
		String number = first17 + IdNumber.checkCharacter(first17);
		files.get("persons.csv").add(p + id + "," + number + ",李某,1," + birthDate + ",370300,310,2010-01-01,,,0");
		return this;
	}

	/** One more designated institution, e.g. a demo institution whose users sign in to answer what the rules found. */
	public SmallExport provider(String code, String name, String region) {
		files.get("providers.csv").add(code + "," + name + ",hospital," + region + ",2,active,2019-01-01");
		return this;
	}

	/** An item of the test's own (a drug without restrictions), so that no other test's lines have its code. */
	SmallExport item(String code, String name) {
		files.get("items.csv").add(code + "," + name + ",drug,,,,,");
		return this;
	}

	/** A one-day visit with one line: quantity 1 at the unit price. */
	public SmallExport visit(String id, String person, String provider, String medType, String day, String diag, String item,
			String unitPrice) {
		files.get("settlements.csv").add(String.join(",", p + id, p + person, provider, "370300", "370300", medType, day, day,
				day + " 10:00:00", diag, "", "", "", unitPrice, unitPrice, "0.00"));
		files.get("fee_items.csv").add(String.join(",", p + id, "1", day + " 09:00:00", item, "", "1", unitPrice, unitPrice));
		return this;
	}

	/** An inpatient stay (med_type 21) from {@code start} to {@code end} with one line: quantity 1 at the unit price. */
	public SmallExport stay(String id, String person, String provider, String start, String end, String diag, String item,
			String unitPrice) {
		files.get("settlements.csv").add(String.join(",", p + id, p + person, provider, "370300", "370300", "21", start, end,
				end + " 10:00:00", diag, "", "", "", unitPrice, unitPrice, "0.00"));
		files.get("fee_items.csv").add(String.join(",", p + id, "1", start + " 09:00:00", item, "", "1", unitPrice, unitPrice));
		return this;
	}

	public Path writeTo(Path folder) throws IOException {
		Files.createDirectories(folder);
		for (var e : files.entrySet()) {
			Files.writeString(folder.resolve(e.getKey()), String.join("\n", e.getValue()) + "\n", StandardCharsets.UTF_8);
		}
		return folder;
	}
}
