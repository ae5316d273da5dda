package org.fundguard.claims.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fundguard.claims.load.CatalogRows.Item;

/**
 * One settlement's summed quantity of each item that has a per-visit limit (max_qty_per_visit), kept with the
 * settlement's totals while its lines load, so that the settlement document can name the items over their limit
 * (qty_over_limit). The quantity-over-limit rule then searches those settlements instead of paging through every
 * settlement + item of the window in a composite aggregation.
 */
final class LimitedQuantities {

	/** Item code to {summed quantity, limit}. */
	private final Map<String, BigDecimal[]> byItem = new TreeMap<>();

	void add(Item item, BigDecimal quantity) {
		if (item.maxQtyPerVisit() == null) {
			return;
		}
		BigDecimal[] sumAndLimit = byItem.computeIfAbsent(item.code(), c -> new BigDecimal[] { BigDecimal.ZERO, item.maxQtyPerVisit() });
		sumAndLimit[0] = sumAndLimit[0].add(quantity);
	}

	/** The items whose summed quantity is above their limit, in code order. */
	List<String> over() {
		List<String> out = new ArrayList<>();
		byItem.forEach((code, sl) -> {
			if (sl[0].compareTo(sl[1]) > 0) {
				out.add(code);
			}
		});
		return out;
	}

	/** code=sum/limit,… (empty for a settlement without limited items, the usual case). */
	String pack() {
		StringBuilder s = new StringBuilder();
		byItem.forEach((code, sl) -> s.append(s.isEmpty() ? "" : ",").append(code).append('=')
			.append(sl[0].toPlainString()).append('/').append(sl[1].toPlainString()));
		return s.toString();
	}

	static LimitedQuantities unpack(String packed) {
		LimitedQuantities q = new LimitedQuantities();
		if (packed == null || packed.isEmpty()) {
			return q;
		}
		for (String pair : packed.split(",")) {
			int eq = pair.lastIndexOf('=');
			int slash = pair.indexOf('/', eq);
			q.byItem.put(pair.substring(0, eq), new BigDecimal[] { new BigDecimal(pair.substring(eq + 1, slash)),
					new BigDecimal(pair.substring(slash + 1)) });
		}
		return q;
	}
}
