package org.fundguard.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One settlement being billed: the person, the visit, its fee lines and the ground-truth rows it carries. */
final class Claim {

	record Truth(String rule, String key, String detail) {
	}

	final Person person;
	final Visit visit;
	final SplittableRandom rng;
	final Bill bill = new Bill();
	final List<Truth> truths = new ArrayList<>(0);

	Claim(Person person, Visit visit, SplittableRandom rng) {
		this.person = person;
		this.visit = visit;
		this.rng = rng;
	}

	void truth(String rule, Item item, String detail) {
		String key = visit.settlementId + "|" + item.code;
		for (Truth t : truths) {
			if (t.rule.equals(rule) && t.key.equals(key)) {
				return;
			}
		}
		truths.add(new Truth(rule, key, detail));
	}

	/** The unit price this provider charges: services by hospital grade, never above the ceiling. */
	long price(Item item) {
		if (item.kind != Item.Kind.SERVICE) {
			return item.price;
		}
		long p = Math.round(item.price * visit.provider.serviceFactor());
		return item.ceiling >= 0 ? Math.min(p, item.ceiling) : p;
	}

	/** Bills whole units at the provider's price, within the item's quantity limit. */
	void add(Item item, int day, int second, int units) {
		bill.addWithinLimit(item, day, second, units * Bill.UNIT, price(item));
	}

	void addFraction(Item item, int day, int second, long quantity) {
		bill.addWithinLimit(item, day, second, quantity, price(item));
	}

	/** A time of day between the two hours. */
	int time(int fromHour, int toHour) {
		return fromHour * 3600 + rng.nextInt((toHour - fromHour) * 3600);
	}

	int units(int lo, int hi) {
		return lo + rng.nextInt(hi - lo + 1);
	}

	boolean chance(double p) {
		return rng.nextDouble() < p;
	}
}
