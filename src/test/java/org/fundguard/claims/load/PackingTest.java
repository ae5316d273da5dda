package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.fundguard.claims.load.Stored.PersonFacts;
import org.fundguard.claims.load.Stored.Totals;
import org.junit.jupiter.api.Test;

/** What goes into the key store comes back as it went in: nulls, empty texts, old dates and long amounts included. */
class PackingTest {

	@Test
	void everyKindOfValueComesBackInOrder() {
		BigDecimal huge = new BigDecimal("123456789012345678901234567890.125");
		byte[] packed = new Packing.Out().text("透析 a,\"b\"").text(null).text("").date(LocalDate.of(1899, 12, 31)).date(LocalDate.MIN).date(LocalDate.MAX).date(null)
			.dateTime(LocalDateTime.of(2026, 3, 1, 23, 59, 58, 7)).dateTime(null).amount(new BigDecimal("-10.50"))
			.amount(new BigDecimal("1E+3")).amount(huge).amount(null).bool(true).integer(-5).number(Long.MIN_VALUE).toBytes();
		Packing.In in = new Packing.In(packed);
		assertThat(in.text()).isEqualTo("透析 a,\"b\"");
		assertThat(in.text()).isNull();
		assertThat(in.text()).isEmpty();
		assertThat(in.date()).isEqualTo(LocalDate.of(1899, 12, 31));
		assertThat(in.date()).isEqualTo(LocalDate.MIN);
		assertThat(in.date()).isEqualTo(LocalDate.MAX);
		assertThat(in.date()).isNull();
		assertThat(in.dateTime()).isEqualTo(LocalDateTime.of(2026, 3, 1, 23, 59, 58, 7));
		assertThat(in.dateTime()).isNull();
		// the same digits and scale, so that a document shows the amount as the export wrote it
		assertThat(in.amount().toString()).isEqualTo("-10.50");
		assertThat(in.amount().toString()).isEqualTo("1E+3");
		assertThat(in.amount()).isEqualTo(huge);
		assertThat(in.amount()).isNull();
		assertThat(in.bool()).isTrue();
		assertThat(in.integer()).isEqualTo(-5);
		assertThat(in.number()).isEqualTo(Long.MIN_VALUE);
		assertThat(in.position()).isEqualTo(packed.length);
	}

	@Test
	void aPersonComesBackWithOptionalDatesLeftOut() {
		PersonFacts p = new PersonFacts("ab12", "2", LocalDate.of(1940, 2, 29), "310", null, true, LocalDate.of(2020, 1, 1), null);
		assertThat(PersonFacts.unpack(p.pack())).isEqualTo(p);
	}

	@Test
	void totalsComeBackWithTagsAndLineNumbersInOrder() {
		Totals t = new Totals();
		t.add(new BigDecimal("12.30"), List.of("hvmc", "dialysis"));
		t.add(new BigDecimal("0.70"), List.of("hvmc"));
		t.lineNumbers.addAll(List.of(3, 1, 2));
		Totals back = Totals.unpack(t.pack());
		assertThat(back.amount).isEqualTo(new BigDecimal("13.00"));
		assertThat(back.lines).isEqualTo(2);
		assertThat(back.byTag).containsExactly(java.util.Map.entry("dialysis", new BigDecimal("12.30")),
				java.util.Map.entry("hvmc", new BigDecimal("13.00")));
		assertThat(back.lineNumbers).containsExactly(1, 2, 3);
		assertThat(Totals.unpack(null).lines).isZero();
	}
}
