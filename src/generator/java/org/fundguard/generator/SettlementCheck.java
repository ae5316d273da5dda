package org.fundguard.generator;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A guard, not a source of truth: re-derives the four line rules (restricted-diagnosis, price-over-ceiling,
 * quantity-over-limit, missing-procedure) on each finished bill and fails loudly if they find anything other than
 * what was injected. A background line that slipped past the catalogue's limits would otherwise surface only as
 * a false positive in someone's rule engine.
 */
final class SettlementCheck {

	private SettlementCheck() {
	}

	static void verify(Claim c) {
		Set<String> found = new LinkedHashSet<>();
		Bill bill = c.bill;
		String id = c.visit.settlementId;
		for (Bill.Line l : bill.lines) {
			Item item = l.item;
			if (!item.allowedFor(c.visit.diag.code)) {
				found.add("restricted-diagnosis " + id + "|" + item.code);
			}
			if (item.ceiling >= 0 && l.price - item.ceiling > 1) {
				found.add("price-over-ceiling " + id + "|" + item.code);
			}
			if (item.limited() && bill.quantity(item) > item.maxQty * Bill.UNIT) {
				found.add("quantity-over-limit " + id + "|" + item.code);
			}
			if (item.requiredTags.length > 0 && !InpatientBilling.anyTag(bill, item.requiredTags)) {
				found.add("missing-procedure " + id + "|" + item.code);
			}
		}
		Set<String> injected = new LinkedHashSet<>();
		for (Claim.Truth t : c.truths) {
			injected.add(t.rule() + " " + t.key());
		}
		if (!found.equals(injected)) {
			throw new IllegalStateException("settlement " + id + " breaks line rules " + found + ", injected " + injected);
		}
	}
}
