package org.fundguard.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The fee lines (费用明细) of one settlement. Quantities are in ten-thousandths of a unit and money in cents, so
 * that amount = quantity x unit price and the settlement total are exact integers. It refuses, for background
 * lines, to bill a quantity-limited item beyond its limit.
 */
final class Bill {

	static final long UNIT = 10_000;

	static final class Line {
		final Item item;
		final int day;
		final int second;
		final long quantity;
		long price;
		long amount;

		Line(Item item, int day, int second, long quantity, long price) {
			this.item = item;
			this.day = day;
			this.second = second;
			this.quantity = quantity;
			reprice(price);
		}

		void reprice(long newPrice) {
			price = newPrice;
			amount = (quantity * newPrice + UNIT / 2) / UNIT;
		}
	}

	final List<Line> lines = new ArrayList<>();
	private final long[] quantities = new long[Item.ALL.length];

	Line add(Item item, int day, int second, long quantity, long price) {
		Line line = new Line(item, day, second, quantity, price);
		lines.add(line);
		quantities[item.ordinal()] += quantity;
		return line;
	}

	/** Adds up to the quantity the item's limit still allows; nothing when the limit is reached. */
	void addWithinLimit(Item item, int day, int second, long quantity, long price) {
		long q = Math.min(quantity, room(item));
		if (q > 0) {
			add(item, day, second, q, price);
		}
	}

	long room(Item item) {
		return item.limited() ? item.maxQty * UNIT - quantities[item.ordinal()] : Long.MAX_VALUE;
	}

	long quantity(Item item) {
		return quantities[item.ordinal()];
	}

	long total() {
		long t = 0;
		for (Line l : lines) {
			t += l.amount;
		}
		return t;
	}

	boolean hasTag(String tag) {
		for (Line l : lines) {
			if (l.item.hasTag(tag)) {
				return true;
			}
		}
		return false;
	}

	long hvmcAmount() {
		long t = 0;
		for (Line l : lines) {
			t += l.item.hvmc ? l.amount : 0;
		}
		return t;
	}

	boolean hasGeneticTest() {
		for (Line l : lines) {
			if (l.item.genetic) {
				return true;
			}
		}
		return false;
	}
}
