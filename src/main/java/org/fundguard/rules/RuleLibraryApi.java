package org.fundguard.rules;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rule library for analysts' programs: dry runs, publishing (and importing) definitions, versions, export. */
@RestController
@RequestMapping("/api/rules/library")
class RuleLibraryApi {

	private final RuleLibrary library;

	RuleLibraryApi(RuleLibrary library) {
		this.library = library;
	}

	@Operation(summary = "规则库中的规则（现行版本）/ the composed rules in force")
	@GetMapping
	List<Map<String, Object>> all() {
		return library.composed().stream().map(RuleLibraryApi::describe).toList();
	}

	record DryRunBody(JsonNode definition, LocalDate from, LocalDate to) {
	}

	@Operation(summary = "试运行一条规则定义（不写入信号）/ dry-run a definition, writing no signal")
	@PostMapping("/dry-run")
	Map<String, Object> dryRun(@RequestBody DryRunBody body) {
		RuleLibrary.DryRun run = library.dryRun(body.definition(), new Window(body.from(), body.to()));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("rule_id", run.rule().id());
		out.put("hits", run.hits());
		out.put("money", run.money());
		out.put("samples", run.samples());
		out.put("took_ms", run.millis());
		return out;
	}

	@Operation(summary = "发布（或导入）规则定义为新版本（留痕）/ publish or import a definition as a new version (recorded)")
	@PostMapping
	ResponseEntity<Map<String, Object>> publish(@RequestBody JsonNode definition, @RequestParam(required = false) String note,
			Authentication user) {
		RuleVersions.Version v = library.publish(definition, user.getName(), note);
		return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/rules/library/" + v.ruleId())
			.body(describe(v));
	}

	@Operation(summary = "规则的各版本及差异 / a rule's versions with their diffs")
	@GetMapping("/{id}")
	List<Map<String, Object>> history(@PathVariable String id) {
		return library.history(id).stream().map(h -> {
			Map<String, Object> out = describe(h.version());
			out.put("diff", h.diff());
			return out;
		}).toList();
	}

	@Operation(summary = "导出规则定义 JSON / export a definition")
	@GetMapping(value = "/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
	String export(@PathVariable String id, @RequestParam(required = false) Integer version) {
		return library.version(id, version).definitionJson();
	}

	private static Map<String, Object> describe(RuleVersions.Version v) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("rule_id", v.ruleId());
		out.put("version", v.version());
		out.put("published_by", v.publishedBy());
		out.put("published_at", v.publishedAt());
		out.put("note", v.note());
		out.put("definition", RuleLibrary.parse(v.definitionJson()));
		out.put("previous", v.previousJson() == null ? null : RuleLibrary.parse(v.previousJson()));
		return out;
	}
}
