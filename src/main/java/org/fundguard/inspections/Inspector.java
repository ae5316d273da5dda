package org.fundguard.inspections;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.TreeSet;

import org.fundguard.identity.PersonalData;

/**
 * An inspector of the pool as the export states it and as the workbench changed it.
 *
 * @param exportedActive the {@code active} column of the last load
 * @param workbenchActive the workbench's decision, or null to follow the export
 * @param exportedConflicts conflicts from the export; {@code declaredConflicts} were declared in the workbench
 */
public record Inspector(String id, String name, String unit, String region, String certificateNo, boolean exportedActive,
		Boolean workbenchActive, List<String> exportedConflicts, List<String> declaredConflicts, OffsetDateTime updatedAt) {

	public boolean active() {
		return workbenchActive != null ? workbenchActive : exportedActive;
	}

	/** Every provider the inspector must stay away from: exported and declared conflicts together. */
	public List<String> conflicts() {
		TreeSet<String> all = new TreeSet<>(exportedConflicts);
		all.addAll(declaredConflicts);
		return List.copyOf(all);
	}

	/** The name as pages outside case files show it: family name, the rest masked (张*, 欧阳**). */
	public String maskedName() {
		return mask(name);
	}

	static String mask(String name) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		return PersonalData.maskName(name);
	}

	PoolEntry entry() {
		return new PoolEntry(id, unit, region, conflicts());
	}
}
