package org.fundguard.claims;

import java.util.List;

/**
 * One row of an export's {@code inspectors.csv} (执法检查人员名录库), published by the loader as it reads the row, inside
 * the load: the claims module reads the file, the inspections module keeps the pool. Published again on every load of
 * the export, so a listener stores it idempotently, by {@code inspectorId}.
 *
 * @param conflicts provider codes the inspector declared a conflict with (回避)
 */
public record InspectorExported(String inspectorId, String name, String unit, String region, String certificateNo,
		boolean active, List<String> conflicts) {

	public InspectorExported {
		conflicts = List.copyOf(conflicts);
	}
}
