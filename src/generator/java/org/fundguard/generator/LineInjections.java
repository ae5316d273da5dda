package org.fundguard.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The line-level patterns, applied to a finished bill: an item billed outside its diagnosis restriction, a unit
 * price over the ceiling, a quantity over the limit; and their decoys (a price exactly 0.01 over the ceiling,
 * which the rule's tolerance allows; a quantity exactly at the limit). High-value consumables and genetic tests
 * are left alone, so that these patterns never move a provider's peer metrics.
 */
final class LineInjections {

	private static final Item[] RESTRICTED = { Item.EPOETIN, Item.GEFITINIB, Item.GLARGINE, Item.CLOPIDOGREL,
			Item.OXYTOCIN, Item.XUESAITONG, Item.PEMETREXED, Item.HAEMODIALYSIS };

	private final Injections injections;

	LineInjections(Injections injections) {
		this.injections = injections;
	}

	void apply(Claim c) {
		restricted(c);
		price(c);
		quantity(c);
	}

	private void restricted(Claim c) {
		Visit v = c.visit;
		Person p = c.person;
		if (!v.provider.tier.hospital() || v.type == Visit.MedType.PHARMACY || v.dialysisSession
				|| p.restrictedInjected || !injections.restrictedDiagnosis.take()) {
			return;
		}
		List<Item> candidates = new ArrayList<>();
		for (Item item : RESTRICTED) {
			// a dialysis line only for someone who is never dialysed, so it cannot add a fourth dialysis day
			if (!item.allowedFor(v.diag.code) && !(item.dialysis && p.billsDialysis)) {
				candidates.add(item);
			}
		}
		Item item = candidates.get(c.rng.nextInt(candidates.size()));
		c.add(item, v.start, c.time(9, 11), 1);
		p.restrictedInjected = true;
		c.truth("restricted-diagnosis", item,
				item.label + " is payable only for " + item.restrict + ", diagnosis is " + v.diag.code);
	}

	private void price(Claim c) {
		List<Bill.Line> ceilinged = new ArrayList<>();
		for (Bill.Line l : c.bill.lines) {
			if (l.item.ceiling >= 0 && !l.item.hvmc && !l.item.genetic) {
				ceilinged.add(l);
			}
		}
		if (ceilinged.isEmpty()) {
			return;
		}
		if (injections.priceOverCeiling.take()) {
			Bill.Line l = ceilinged.get(c.rng.nextInt(ceilinged.size()));
			long over = Math.round(l.item.ceiling * (1.15 + 0.4 * c.rng.nextDouble()));
			l.reprice(Math.max(over, l.item.ceiling + 2));
			c.truth("price-over-ceiling", l.item, String.format("unit price %s over ceiling %s", Money.format(l.price),
					Money.format(l.item.ceiling)));
		}
		else if (injections.priceDecoy.take()) {
			Bill.Line l = ceilinged.get(c.rng.nextInt(ceilinged.size()));
			if (!hasOtherLineOver(c.bill, l)) {
				l.reprice(l.item.ceiling + 1);
				injections.decoy(injections.priceDecoy);
			}
		}
	}

	private static boolean hasOtherLineOver(Bill bill, Bill.Line line) {
		for (Bill.Line l : bill.lines) {
			if (l != line && l.item == line.item && l.price > l.item.ceiling) {
				return true;
			}
		}
		return false;
	}

	private void quantity(Claim c) {
		List<Item> limited = new ArrayList<>();
		for (Bill.Line l : c.bill.lines) {
			if (l.item.limited() && !l.item.hvmc && !l.item.genetic && !limited.contains(l.item)) {
				limited.add(l.item);
			}
		}
		if (limited.isEmpty()) {
			return;
		}
		Visit v = c.visit;
		if (injections.quantityOverLimit.take()) {
			Item item = limited.get(c.rng.nextInt(limited.size()));
			long quantity = c.bill.room(item) + (1 + c.rng.nextInt(2)) * Bill.UNIT;
			c.bill.add(item, v.end, c.time(9, 12), quantity, c.price(item));
			c.truth("quantity-over-limit", item, String.format("%s billed %s, limit %d per settlement", item.label,
					Money.quantity(c.bill.quantity(item)), item.maxQty));
		}
		else if (injections.quantityDecoy.take()) {
			Item item = limited.get(c.rng.nextInt(limited.size()));
			long room = c.bill.room(item);
			if (room > 0) {
				c.bill.add(item, v.end, c.time(9, 12), room, c.price(item));
				injections.decoy(injections.quantityDecoy);
			}
		}
	}
}
