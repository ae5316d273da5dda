package org.fundguard.inspections;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.support.DirectoryExport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small export with only a directory and a pool, for the inspection ITs. Each test gets a region of its own,
 * whose providers are removed from the index first, and an id prefix for its inspectors; every other inspector of
 * the shared test database is switched off in the workbench, so that the pool is exactly what the test loads.
 */
final class InspectionExport {

	final String region;
	final String prefix = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
	private final List<String> providers = new ArrayList<>();
	private final List<String> inspectors = new ArrayList<>();

	InspectionExport(String region) {
		this.region = region;
	}

	String code(int n) {
		return "H" + region + "%05d".formatted(n);
	}

	InspectionExport hospitals(int count) {
		for (int n = 1; n <= count; n++) {
			providers.add(String.join(",", code(n), "测试医院" + n, "hospital", region, String.valueOf(n % 4), "active", "2020-01-01"));
		}
		return this;
	}

	InspectionExport provider(int n, String status) {
		providers.add(String.join(",", code(n), "测试医院" + n, "hospital", region, "2", status, "2020-01-01"));
		return this;
	}

	String inspector(int n) {
		return prefix + n;
	}

	InspectionExport inspectors(int count, String inspectorRegion, String... conflictsOfFirst) {
		for (int n = 1; n <= count; n++) {
			inspectors.add(String.join(",", inspector(inspectors.size() + 1), "检查员" + n, "稽核科", inspectorRegion,
					"37030000" + n, "1", n == 1 ? String.join(";", conflictsOfFirst) : ""));
		}
		return this;
	}

	void load(ClaimsLoader loader, JdbcClient jdbc, org.fundguard.elastic.ElasticJson elastic, String providersAlias, Path folder)
			throws IOException {
		DirectoryExport.load(loader, jdbc, elastic, providersAlias, folder, List.of(region), providers, inspectors);
	}

	static CurrentUser user(String username, Role role) {
		return new CurrentUser(username, username, Set.of(role));
	}

	/** A form as the pages submit it: field names and their text. */
	static Map<String, String> form(String... keyValues) {
		Map<String, String> m = new java.util.HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			m.put(keyValues[i], keyValues[i + 1]);
		}
		return m;
	}

	/** The plan's open task of that key (Task_DraftPlan, Task_ApprovePlan, Task_DecideStoppedDraw), as its page lists it. */
	static WorkItem planTask(TaskGateway tasks, long planId, String key) {
		return tasks.openOf(InspectionProcess.subject(planId), InspectionVariables.KEY).stream()
			.filter(t -> t.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("plan " + planId + " has no open " + key));
	}

	/** The inspection's open task (on-site record or publication), as its page finds it among the plan's. */
	static WorkItem inspectionTask(TaskGateway tasks, Inspection inspection) {
		return inspectionTask(tasks, inspection.planId(), inspection.id());
	}

	static WorkItem inspectionTask(TaskGateway tasks, long planId, long inspectionId) {
		return tasks.openOf(InspectionProcess.subject(planId), InspectionVariables.KEY).stream()
			.filter(t -> tasks.values(t.id()).raw(InspectionVariables.INSPECTION_ID) instanceof Long id && id == inspectionId)
			.findFirst()
			.orElseThrow(() -> new AssertionError("inspection " + inspectionId + " has no open task"));
	}
}
