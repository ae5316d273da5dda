package org.fundguard.claims.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fundguard.claims.load.ClaimRows.Settlement;
import org.fundguard.claims.load.PersonRows.Person;

/** The shapes kept in the {@link KeyStore} between files, and their packing into bytes ({@link Packing}). */
final class Stored {

	private Stored() {
	}

	/** What a fee line or a settlement document needs to know about the person. */
	record PersonFacts(String idHash, String gender, LocalDate birthDate, String insuranceType, LocalDate deathDate,
			boolean assisted, LocalDate enrollDate, LocalDate endDate) {

		static PersonFacts of(Person p, String idHash) {
			return new PersonFacts(idHash, p.gender(), p.birthDate(), p.insuranceType(), p.deathDate(), p.assisted(),
					p.enrollDate(), p.endDate());
		}

		byte[] pack() {
			return new Packing.Out().text(idHash).text(gender).date(birthDate).text(insuranceType).date(deathDate)
				.bool(assisted).date(enrollDate).date(endDate).toBytes();
		}

		static PersonFacts unpack(byte[] packed) {
			Packing.In in = new Packing.In(packed);
			return new PersonFacts(in.text(), in.text(), in.date(), in.text(), in.date(), in.bool(), in.date(), in.date());
		}
	}

	/**
	 * A settlement as read, with where it stood in its file, and its cells, so that a late rejection can still name
	 * the row and show it. The cells go last and are decoded only by {@link #raw()}: every settlement is read back
	 * twice (for its fee lines, then for its document), and only a rare rejection shows them.
	 */
	static final class SettlementRecord {

		private final Settlement s;
		private final long rowNumber;
		private final long lineNumber;
		/** The packed record, its cells from {@code cellsAt} on: not a record component, as arrays compare by reference. */
		private final byte[] packed;
		private final int cellsAt;

		private SettlementRecord(Settlement s, long rowNumber, long lineNumber, byte[] packed, int cellsAt) {
			this.s = s;
			this.rowNumber = rowNumber;
			this.lineNumber = lineNumber;
			this.packed = packed;
			this.cellsAt = cellsAt;
		}

		Settlement s() {
			return s;
		}

		long rowNumber() {
			return rowNumber;
		}

		long lineNumber() {
			return lineNumber;
		}

		static byte[] pack(Settlement s, long rowNumber, long lineNumber, String[] cells) {
			Packing.Out out = new Packing.Out().text(s.settlementId()).text(s.personId()).text(s.providerCode())
				.text(s.medicalRegion()).text(s.insuredRegion()).text(s.medType()).date(s.visitStart()).date(s.visitEnd())
				.dateTime(s.settleTime()).text(s.diagCode()).text(s.diagName()).text(s.deptName()).text(s.doctorCode())
				.amount(s.totalAmount()).amount(s.fundPaid()).amount(s.selfPaid()).number(rowNumber).number(lineNumber)
				.integer(cells.length);
			for (String cell : cells) {
				out.text(cell);
			}
			return out.toBytes();
		}

		static SettlementRecord unpack(byte[] packed) {
			Packing.In in = new Packing.In(packed);
			Settlement s = new Settlement(in.text(), in.text(), in.text(), in.text(), in.text(), in.text(), in.date(),
					in.date(), in.dateTime(), in.text(), in.text(), in.text(), in.text(), in.amount(), in.amount(), in.amount());
			return new SettlementRecord(s, in.number(), in.number(), packed, in.position());
		}

		String raw() {
			Packing.In in = new Packing.In(packed, cellsAt);
			String[] cells = new String[in.integer()];
			for (int i = 0; i < cells.length; i++) {
				cells[i] = in.text();
			}
			return RejectsReport.raw(cells);
		}
	}

	/**
	 * The running sums of a settlement's accepted fee lines (total, count, tags and amounts by tag) and the line
	 * numbers seen, accepted or not, so that a repeated line number is always a duplicate key.
	 */
	static final class Totals {

		BigDecimal amount = BigDecimal.ZERO;
		int lines;
		final Map<String, BigDecimal> byTag = new TreeMap<>();
		final TreeSet<Integer> lineNumbers = new TreeSet<>();

		void add(BigDecimal lineAmount, Iterable<String> tags) {
			lines++;
			amount = amount.add(lineAmount);
			for (String tag : tags) {
				byTag.merge(tag, lineAmount, BigDecimal::add);
			}
		}

		byte[] pack() {
			Packing.Out out = new Packing.Out().amount(amount).integer(lines).integer(byTag.size());
			byTag.forEach((tag, sum) -> out.text(tag).amount(sum));
			out.integer(lineNumbers.size());
			lineNumbers.forEach(out::integer);
			return out.toBytes();
		}

		static Totals unpack(byte[] packed) {
			Totals t = new Totals();
			if (packed == null) {
				return t;
			}
			Packing.In in = new Packing.In(packed);
			t.amount = in.amount();
			t.lines = in.integer();
			for (int n = in.integer(); n > 0; n--) {
				t.byTag.put(in.text(), in.amount());
			}
			for (int n = in.integer(); n > 0; n--) {
				t.lineNumbers.add(in.integer());
			}
			return t;
		}
	}
}
