package org.fundguard.generator;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The streamed files of the export: persons, settlements, fee lines and ground truth, each row written as soon as
 * it is made (nothing of a person is kept after the person is written), with the invalid rows woven in.
 */
final class ExportFiles implements ExportSink, Closeable {

	private final ExportPeriod period;
	final CsvFile persons;
	final CsvFile settlements;
	final CsvFile fees;
	final CsvFile truth;
	final BadRows bad;
	final Map<String, Long> truthCounts = new LinkedHashMap<>();

	ExportFiles(Path dir, ExportPeriod period, BadRows bad) throws IOException {
		this.period = period;
		this.bad = bad;
		boolean keep = bad.enabled();
		persons = new CsvFile(dir, "persons.csv", keep, "person_id", "id_number", "name", "gender", "birth_date",
				"insured_region", "insurance_type", "enroll_date", "end_date", "death_date", "assisted");
		settlements = new CsvFile(dir, "settlements.csv", keep, "settlement_id", "person_id", "provider_code",
				"medical_region", "insured_region", "med_type", "visit_start", "visit_end", "settle_time", "diag_code",
				"diag_name", "dept_name", "doctor_code", "total_amount", "fund_paid", "self_paid");
		fees = new CsvFile(dir, "fee_items.csv", keep, "settlement_id", "line_no", "item_time", "item_code",
				"item_name", "quantity", "unit_price", "amount");
		truth = new CsvFile(dir, "ground_truth.csv", false, "rule_id", "subject_key", "detail");
	}

	@Override
	public void person(Person p) throws IOException {
		persons.add(p.personId).add(p.idNumber).add(p.name).number(p.gender).add(p.birth.toString())
			.add(p.insured.pooling).add(p.insuranceType).add(p.enroll.toString()).add(text(p.end)).add(text(p.death))
			.add(p.assisted ? "1" : "0")
			.end();
		bad.afterPerson(persons, p);
	}

	@Override
	public void settlement(Claim c, long fundPaid, int settleSecond, String doctor) throws IOException {
		Visit v = c.visit;
		Provider provider = v.provider;
		long total = c.bill.total();
		boolean pharmacy = v.type == Visit.MedType.PHARMACY;
		settlements.add(v.settlementId).add(c.person.personId).add(provider.code).add(provider.medicalRegion())
			.add(c.person.insured.pooling).add(v.type.code).add(period.date(v.start)).add(period.date(v.end))
			.dateTime(period, v.end, settleSecond).add(v.diag.code).add(v.diag.label)
			.add(pharmacy ? null : v.diag.department).add(doctor).money(total).money(fundPaid).money(total - fundPaid)
			.end();
		bad.afterSettlement(settlements, c);
		int lineNo = 0;
		for (Bill.Line l : c.bill.lines) {
			fees.add(v.settlementId).number(++lineNo).dateTime(period, l.day, l.second).add(l.item.code)
				.add(l.item.label).quantity(l.quantity).money(l.price).money(l.amount)
				.end();
		}
		bad.afterLines(fees, c, lineNo);
	}

	@Override
	public void truth(String rule, String key, String detail) throws IOException {
		truth.add(rule).add(key).add(detail).end();
		truthCounts.merge(rule, 1L, Long::sum);
	}

	private static String text(java.time.LocalDate d) {
		return d == null ? null : d.toString();
	}

	@Override
	public void close() throws IOException {
		persons.close();
		settlements.close();
		fees.close();
		truth.close();
	}
}
