package org.fundguard.inspections;

import java.util.List;

/**
 * One active inspector of the frozen pool snapshot (执法检查人员名录库). Names are not part of the draw: the public
 * sees inspector ids, units and regions, and the team pages show masked names.
 *
 * @param conflicts provider codes the inspector declared a conflict of interest with (回避), sorted
 */
public record PoolEntry(String id, String unit, String region, List<String> conflicts) {

	public PoolEntry {
		conflicts = conflicts == null ? List.of() : conflicts.stream().distinct().sorted().toList();
	}

	/** {@code id|unit|region|conflict;conflict}, each text field escaped by {@link Canonical#escape}. */
	String canonical() {
		return Canonical.escape(id) + "|" + Canonical.escape(unit) + "|" + Canonical.escape(region) + "|"
				+ String.join(";", conflicts.stream().map(Canonical::escape).toList());
	}
}
