package org.fundguard.claims.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fundguard.claims.load.ClaimRows.Settlement;
import org.fundguard.claims.load.PersonRows.Person;

/** The shapes kept in the {@link KeyStore} between files, and their packing into strings. */
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

		String pack() {
			return KeyStore.pack(idHash, gender, birthDate, insuranceType, deathDate, assisted ? "1" : "0", enrollDate, endDate);
		}

		static PersonFacts unpack(String packed) {
			String[] f = KeyStore.unpack(packed);
			return new PersonFacts(f[0], f[1], Row.parseDate(f[2]), f[3], optionalDate(f[4]), "1".equals(f[5]),
					Row.parseDate(f[6]), optionalDate(f[7]));
		}

		private static LocalDate optionalDate(String packed) {
			return packed.isEmpty() ? null : Row.parseDate(packed);
		}
	}

	/**
	 * A settlement as read, with where it stood in its file and its cells, so that a late rejection can still name
	 * the row and show it. The cells go last, packed as they are, and stay packed when the record is read back: every
	 * settlement is read back twice (for its fee lines, then for its document), and only a rare rejection shows them.
	 */
	record SettlementRecord(Settlement s, long rowNumber, long lineNumber, String packedCells) {

		private static final int CELLS_FROM = 18;

		SettlementRecord(Settlement s, long rowNumber, long lineNumber, String[] cells) {
			this(s, rowNumber, lineNumber, String.join(String.valueOf(KeyStore.SEP), cells));
		}

		String raw() {
			return RejectsReport.raw(KeyStore.unpack(packedCells));
		}

		String pack() {
			return KeyStore.pack(s.settlementId(), s.personId(), s.providerCode(), s.medicalRegion(), s.insuredRegion(),
					s.medType(), s.visitStart(), s.visitEnd(), Row.formatDateTime(s.settleTime()), s.diagCode(), s.diagName(),
					s.deptName(), s.doctorCode(), s.totalAmount().toPlainString(), s.fundPaid().toPlainString(),
					s.selfPaid().toPlainString(), rowNumber, lineNumber) + KeyStore.SEP + packedCells;
		}

		static SettlementRecord unpack(String packed) {
			String[] f = new String[CELLS_FROM];
			int start = 0;
			for (int i = 0; i < CELLS_FROM; i++) {
				int end = packed.indexOf(KeyStore.SEP, start);
				f[i] = packed.substring(start, end);
				start = end + 1;
			}
			Settlement s = new Settlement(f[0], f[1], f[2], f[3], f[4], f[5], Row.parseDate(f[6]), Row.parseDate(f[7]),
					Row.parseDateTime(f[8]), f[9], blank(f[10]), blank(f[11]), blank(f[12]),
					new BigDecimal(f[13]), new BigDecimal(f[14]), new BigDecimal(f[15]));
			return new SettlementRecord(s, Long.parseLong(f[16]), Long.parseLong(f[17]), packed.substring(start));
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

		String pack() {
			StringBuilder tags = new StringBuilder();
			byTag.forEach((tag, sum) -> tags.append(tags.isEmpty() ? "" : ",").append(tag).append('=').append(sum.toPlainString()));
			StringBuilder numbers = new StringBuilder();
			lineNumbers.forEach(n -> numbers.append(numbers.isEmpty() ? "" : ",").append(n));
			return KeyStore.pack(amount.toPlainString(), lines, tags, numbers);
		}

		static Totals unpack(String packed) {
			Totals t = new Totals();
			if (packed == null) {
				return t;
			}
			String[] f = KeyStore.unpack(packed);
			t.amount = new BigDecimal(f[0]);
			t.lines = Integer.parseInt(f[1]);
			for (String pair : f[2].isEmpty() ? new String[0] : f[2].split(",")) {
				int eq = pair.lastIndexOf('=');
				t.byTag.put(pair.substring(0, eq), new BigDecimal(pair.substring(eq + 1)));
			}
			for (String n : f[3].isEmpty() ? new String[0] : f[3].split(",")) {
				t.lineNumbers.add(Integer.parseInt(n));
			}
			// a fifth field, the per-visit quantities of loads before query-time limits, is no longer read
			return t;
		}
	}

	private static String blank(String s) {
		return s.isEmpty() ? null : s;
	}
}
