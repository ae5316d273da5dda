package org.fundguard.generator;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

import org.fundguard.claims.IdNumber;

/**
 * Invalid rows for testing a loader (--bad-rows RATE): after a valid row, with probability RATE, an extra row that
 * breaks the contract in one way, the kinds taken in turn so that all of them appear. Each is listed in
 * expected_rejects.csv as (file, row_number, column, reason), where row_number is the physical line number in the
 * file with the header as line 1 (the first data row is line 2).
 * <p>
 * The extra rows are chosen so that rejecting them leaves the valid data, and so the ground truth, as it was:
 * invalid persons and settlements are never referenced, invalid fee lines bill 0.00 (they do not change a
 * settlement's sum either way), duplicates repeat the original row verbatim, and all of it draws from its own
 * random stream, so the valid rows are byte for byte those of an export without invalid rows.
 */
final class BadRows implements Closeable {

	private final double rate;
	private final SplittableRandom rng;
	private final ExportPeriod period;
	private final CsvFile rejects;
	private int personKind;
	private int settlementKind;
	private int lineKind;
	private long serial;
	long count;

	BadRows(double rate, long seed, ExportPeriod period, Path dir) throws IOException {
		this.rate = rate;
		this.rng = Seeds.random(seed, Seeds.BAD_ROWS, 0);
		this.period = period;
		this.rejects = rate > 0 ? new CsvFile(dir, "expected_rejects.csv", false, "file", "row_number", "column", "reason")
				: null;
	}

	boolean enabled() {
		return rate > 0;
	}

	void afterPerson(CsvFile f, Person p) throws IOException {
		if (!draw()) {
			return;
		}
		int kind = personKind++ % 6;
		if (kind == 2) {
			reject(f, f.raw(f.lastRow()), "person_id", "duplicate person_id");
			return;
		}
		LocalDate birth = LocalDate.of(1950 + rng.nextInt(50), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
		String id = IdNumber.of(p.insured.districts.get(0).code(), birth, IdAllocator.RESERVED_SEQUENCE);
		String personId = p.insured.pooling + "9" + String.format("%013d", ++serial);
		String enroll = "2015-03-01";
		String gender = "1";
		String type = "390";
		String column;
		String reason;
		switch (kind) {
			case 0 -> {
				id = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
				column = "id_number";
				reason = "id_number check character is wrong";
			}
			case 1 -> {
				birth = birth.plusDays(1);
				column = "birth_date";
				reason = "birth_date disagrees with id_number";
			}
			case 3 -> {
				enroll = "2015/03/01";
				column = "enroll_date";
				reason = "enroll_date is not yyyy-MM-dd";
			}
			case 4 -> {
				gender = "3";
				column = "gender";
				reason = "gender must be 1 or 2";
			}
			default -> {
				type = "";
				column = "insurance_type";
				reason = "insurance_type is required";
			}
		}
		long line = f.add(personId).add(id).add("无效记录").add(gender).add(birth.toString()).add(p.insured.pooling)
			.add(type).add(enroll).add(null).add(null).add("0")
			.end();
		reject(f, line, column, reason);
	}

	void afterSettlement(CsvFile f, Claim c) throws IOException {
		if (!draw()) {
			return;
		}
		int kind = settlementKind++ % 8;
		if (kind == 5) {
			reject(f, f.raw(f.lastRow()), "settlement_id", "duplicate settlement_id");
			return;
		}
		Visit v = c.visit;
		String id = v.provider.medicalRegion() + "9" + String.format("%011d", ++serial);
		String person = c.person.personId;
		String provider = v.provider.code;
		String medType = v.type.code;
		String start = period.date(v.start);
		String end = period.date(v.end);
		String settled = period.date(v.end) + " 10:00:00";
		String total = "100.00";
		String fund = "60.00";
		String column;
		String reason;
		switch (kind) {
			case 0 -> {
				fund = "70.00";
				column = "self_paid"; // the column under which the contract states the rule
				reason = "fund_paid + self_paid does not equal total_amount";
			}
			case 1 -> {
				start = period.date(v.end + 2);
				column = "visit_end";
				reason = "visit_end is before visit_start";
			}
			case 2 -> {
				person = c.person.insured.pooling + "8" + String.format("%013d", serial);
				column = "person_id";
				reason = "unknown person_id";
			}
			case 3 -> {
				provider = provider.substring(0, 7) + "99999";
				column = "provider_code";
				reason = "unknown provider_code";
			}
			case 4 -> {
				settled = period.date(v.end) + "T10:00:00";
				column = "settle_time";
				reason = "settle_time is not yyyy-MM-dd HH:mm:ss";
			}
			case 6 -> {
				total = "100.005";
				column = "total_amount";
				reason = "total_amount has more than 2 decimals";
			}
			default -> {
				medType = "99";
				column = "med_type";
				reason = "unknown med_type";
			}
		}
		boolean outpatient = kind != 1 && !v.inpatient();
		long line = f.add(id).add(person).add(provider).add(v.provider.medicalRegion()).add(c.person.insured.pooling)
			.add(medType).add(start).add(outpatient ? start : end).add(settled).add(v.diag.code).add(v.diag.label)
			.add(null).add(null).add(total).add(fund).add("40.00")
			.end();
		reject(f, line, column, reason);
	}

	/** After the last line of a settlement: an invalid line for each draw that came up for one of its lines. */
	void afterLines(CsvFile f, Claim c, int lines) throws IOException {
		if (!enabled()) {
			return;
		}
		int extra = 0;
		for (int i = 0; i < lines; i++) {
			extra += draw() ? 1 : 0;
		}
		Visit v = c.visit;
		for (int i = 1; i <= extra; i++) {
			int kind = lineKind++ % 8;
			if (kind == 1) {
				reject(f, f.raw(f.lastRow()), "line_no", "duplicate settlement_id + line_no");
				continue;
			}
			String id = v.settlementId;
			String lineNo = Integer.toString(lines + i);
			String time = period.date(v.start) + " 10:00:00";
			String item = Item.GP_CONSULT.code;
			String quantity = "1";
			String price = "0.00";
			String column;
			String reason;
			switch (kind) {
				case 0 -> {
					item = "XA99XXE999A999999999999";
					column = "item_code";
					reason = "unknown item_code";
				}
				case 2 -> {
					price = "0.50";
					column = "amount";
					reason = "amount is not quantity x unit_price";
				}
				case 3 -> {
					id = v.provider.medicalRegion() + "8" + String.format("%011d", ++serial);
					column = "settlement_id";
					reason = "unknown settlement_id";
				}
				case 4 -> {
					time = LocalDate.ofEpochDay(v.end + 3L) + " 10:00:00";
					column = "item_time";
					reason = "item_time is outside the visit dates";
				}
				case 5 -> {
					quantity = "0";
					price = "3.00";
					column = "quantity";
					reason = "quantity must be positive";
				}
				case 6 -> {
					lineNo = "0";
					column = "line_no";
					reason = "line_no must be a positive integer";
				}
				default -> {
					time = period.date(v.start).replace('-', '/') + " 10:00:00";
					column = "item_time";
					reason = "item_time is not yyyy-MM-dd HH:mm:ss";
				}
			}
			long line = f.add(id).add(lineNo).add(time).add(item).add("无效明细").add(quantity).add(price).add("0.00")
				.end();
			reject(f, line, column, reason);
		}
	}

	/** One of each invalid directory row, at the end of providers.csv. */
	void providers(CsvFile f) throws IOException {
		if (!enabled()) {
			return;
		}
		reject(f, f.add("H3703030001").add("无效机构甲").add("hospital").add("370303").add("2").add("active").add(null).end(),
				"provider_code", "provider_code is not H|P + 6-digit region + 5-digit sequence");
		reject(f, f.add("H37030399998").add("无效机构乙").add("hospitel").add("370303").add("2").add("active").add(null).end(),
				"provider_type", "unknown provider_type");
		reject(f, f.add("H37030399997").add("无效机构丙").add("clinic").add("370303").add(null).add("paused").add(null).end(),
				"agreement_status", "unknown agreement_status");
	}

	/** One of each invalid catalogue row, at the end of items.csv. */
	void items(CsvFile f) throws IOException {
		if (!enabled()) {
			return;
		}
		reject(f, f.raw(f.lastRow()), "item_code", "duplicate item_code");
		reject(f, version11(f.add("XA99XXE999A99999999999").add("无效药品").add("drug").add(null).add(null).add(null).add(null)
			.add(null), null, null, null).end(), "item_code", "a drug code has 23 characters");
		reject(f, version11(f.add("C0901300100000000999").add("无效耗材").add("device").add(null).add(null).add(null).add(null)
			.add(null), null, null, null).end(), "item_type", "unknown item_type");
		// the 1.1 columns: a gender other than 1/2, an age range upside down, an exclusive item in no row
		reject(f, version11(f.add("250310099000000").add("无效性别限定项目").add("service").add(null).add(null).add(null).add(null)
			.add(null), "0", null, null).end(), "gender_only", "gender_only is not 1 or 2");
		reject(f, version11(f.add("250310098000000").add("无效年龄限定项目").add("service").add(null).add(null).add(null).add(null)
			.add(null), null, "18;6", null).end(), "min_age", "min_age above max_age");
		reject(f, version11(f.add("250310097000000").add("无效互斥项目").add("service").add(null).add(null).add(null).add(null)
			.add(null), null, null, "250310096000000").end(), "exclusive_with", "exclusive_with names no item of items.csv");
	}

	/** The six 1.1 cells of a bad item row: gender_only, min_age;max_age, exclusive_with as given, the rest empty. */
	private static CsvFile version11(CsvFile f, String gender, String ages, String exclusive) {
		String[] range = ages == null ? new String[] { null, null } : ages.split(";");
		return f.add(gender).add(range[0]).add(range[1]).add(null).add(null).add(exclusive);
	}

	private boolean draw() {
		return rate > 0 && rng.nextDouble() < rate;
	}

	private void reject(CsvFile f, long line, String column, String reason) throws IOException {
		rejects.add(f.name).number(line).add(column).add(reason).end();
		count++;
	}

	@Override
	public void close() throws IOException {
		if (rejects != null) {
			rejects.close();
		}
	}
}
