package org.fundguard.inspections;

import java.util.List;
import java.util.Map;

import org.fundguard.errors.Refused;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;

/** Plans and the inspector pool for other systems; who may call what is in identity.EndpointAccess. */
@RestController
class InspectionsApi {

	private final InspectionPlans plans;
	private final InspectorPool pool;

	InspectionsApi(InspectionPlans plans, InspectorPool pool) {
		this.plans = plans;
		this.pool = pool;
	}

	@Operation(summary = "双随机抽查计划 / the random-inspection plans")
	@GetMapping("/api/inspections/plans")
	List<Map<String, Object>> plans() {
		return plans.all().stream()
			.map(p -> Map.<String, Object>of("id", p.id(), "name", p.name(), "year", p.draft().year(), "status", p.status().name(),
					"scope", p.scopeLabel(), "sample", p.sampleLabel(), "deadline", p.draft().deadline().toString()))
			.toList();
	}

	/** The pool with masked names: the API is not a case file. */
	@Operation(summary = "执法检查人员名录库 / the inspector pool")
	@GetMapping("/api/inspections/pool")
	List<Map<String, Object>> pool() {
		return pool.all().stream()
			.map(i -> Map.<String, Object>of("id", i.id(), "name", i.maskedName(), "unit", i.unit(), "region", i.region(),
					"active", i.active(), "conflicts", i.conflicts()))
			.toList();
	}

	/** Body: {"active": true|false, "conflicts": ["H…"], "reason": "…"}; either field may be left out. */
	@Operation(summary = "修改名录库中的检查人员 / change an inspector in the pool")
	@PutMapping("/api/inspections/pool/{id}")
	ResponseEntity<Map<String, Object>> edit(@PathVariable String id, @RequestBody PoolEdit edit, Authentication auth) {
		// a refusal (no such inspector, a code that is none, no reason) is answered as a problem by errors.web
		Inspector before = pool.find(id).orElseThrow(() -> Refused.notFound("inspections.pool.no-inspector", id));
		if (edit.active() == null && edit.conflicts() == null) {
			return ResponseEntity.ok(Map.of("id", before.id(), "active", before.active(), "conflicts", before.conflicts()));
		}
		if (edit.active() != null) {
			pool.setActive(id, edit.active(), edit.reason(), auth.getName());
		}
		if (edit.conflicts() != null) {
			pool.declareConflicts(id, edit.conflicts(), edit.reason(), auth.getName());
		}
		Inspector i = pool.find(id).orElseThrow(() -> Refused.notFound("inspections.pool.no-inspector", id));
		return ResponseEntity.ok(Map.of("id", i.id(), "active", i.active(), "conflicts", i.conflicts()));
	}

	record PoolEdit(Boolean active, List<String> conflicts, String reason) {
	}
}
