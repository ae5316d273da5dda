package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.fundguard.claims.load.CatalogRows.Item;
import org.junit.jupiter.api.Test;

class LimitedQuantitiesTest {

	static Item item(String code, String limit) {
		return new Item(code, code, "drug", null, limit == null ? null : new BigDecimal(limit), List.of(), List.of(), List.of());
	}

	@Test
	void anItemIsOverItsLimitOnlyWhenItsLinesTogetherExceedIt() {
		LimitedQuantities q = new LimitedQuantities();
		q.add(item("A", "2"), new BigDecimal("1"));
		q.add(item("A", "2"), new BigDecimal("1.5"));
		q.add(item("B", "3"), new BigDecimal("3"));
		q.add(item("C", null), new BigDecimal("100"));
		assertThat(q.over()).containsExactly("A");
	}

	@Test
	void theSumsSurviveBeingStoredBetweenLinesOfTheSameSettlement() {
		LimitedQuantities q = new LimitedQuantities();
		q.add(item("X=1", "2"), new BigDecimal("2"));
		q.add(item("B", "3"), new BigDecimal("0.5"));
		LimitedQuantities again = LimitedQuantities.unpack(q.pack());
		assertThat(again.pack()).isEqualTo(q.pack());
		assertThat(again.over()).isEmpty();
		again.add(item("X=1", "2"), new BigDecimal("0.01"));
		assertThat(again.over()).containsExactly("X=1");
	}

	@Test
	void aSettlementWithoutLimitedItemsStoresNothing() {
		LimitedQuantities q = new LimitedQuantities();
		q.add(item("C", null), BigDecimal.TEN);
		assertThat(q.pack()).isEmpty();
		assertThat(LimitedQuantities.unpack("").over()).isEmpty();
		assertThat(LimitedQuantities.unpack(null).over()).isEmpty();
	}
}
