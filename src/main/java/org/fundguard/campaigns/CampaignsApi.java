package org.fundguard.campaigns;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.fundguard.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns for the bureau's systems: the list with progress, one campaign's progress by region, and the definition
 * (directors). Who may call what is in identity.EndpointAccess.
 */
@RestController
class CampaignsApi {

	private final CampaignDefinitions definitions;
	private final CampaignProgressReader progress;

	CampaignsApi(CampaignDefinitions definitions, CampaignProgressReader progress) {
		this.definitions = definitions;
		this.progress = progress;
	}

	@Operation(summary = "专项整治及进度 / campaigns with their progress")
	@GetMapping("/api/campaigns")
	List<Map<String, Object>> all() {
		return definitions.all().stream().map(c -> summary(progress.report(c))).toList();
	}

	@Operation(summary = "一项专项整治的进度（按区划） / one campaign's progress by region")
	@GetMapping("/api/campaigns/{id}")
	Map<String, Object> one(@PathVariable long id) {
		CampaignProgressReader.Report report = progress.report(definitions.get(id));
		Map<String, Object> out = summary(report);
		out.put("byRegion", report.regions().stream().map(CampaignsApi::row).toList());
		out.put("cases", report.cases().stream().map(CampaignStore.Fact::reference).toList());
		return out;
	}

	/**
	 * Body: name, from, to, regions, types, ruleIds, mode (RANDOM or FULL), sampleCount (RANDOM), teamSize,
	 * selfInspectionDays.
	 */
	@Operation(summary = "定义专项整治（局领导） / define a campaign (directors)")
	@PostMapping("/api/campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> define(@RequestBody Definition body, Authentication auth) {
		long id = definitions.define(new CampaignDraft(body.name(), body.from(), body.to(), body.regions(), body.types(),
				body.ruleIds(), CampaignDraft.mode(body.mode()), body.sampleCount(),
				body.teamSize() == null ? 2 : body.teamSize(),
				body.selfInspectionDays() == null ? 0 : body.selfInspectionDays()), CurrentUser.from(auth));
		return one(id);
	}

	record Definition(String name, LocalDate from, LocalDate to, List<String> regions, List<String> types,
			List<String> ruleIds, String mode, Integer sampleCount, Integer teamSize, Integer selfInspectionDays) {
	}

	private static Map<String, Object> summary(CampaignProgressReader.Report report) {
		Campaign c = report.campaign();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", c.id());
		out.put("name", c.name());
		out.put("from", c.from().toString());
		out.put("to", c.to().toString());
		out.put("regions", c.scope().regions());
		out.put("types", c.scope().types());
		out.put("ruleIds", c.ruleIds());
		out.put("inspectionMode", c.inspectionMode().name());
		out.put("sampleCount", c.sampleCount());
		out.put("selfInspectionId", c.selfInspectionId());
		out.put("planId", c.planId());
		out.put("progress", row(report.total()));
		return out;
	}

	private static Map<String, Object> row(CampaignTally.Row r) {
		Map<String, Object> out = new LinkedHashMap<>();
		if (r.region() != null) {
			out.put("region", r.region());
		}
		out.put("institutionsInScope", r.inScope());
		out.put("covered", r.covered());
		out.put("selfReportedRefunds", r.refunds());
		out.put("signalsConfirmed", r.signals());
		out.put("cases", r.cases());
		out.put("penalties", r.penalties());
		out.put("recovered", r.recovered());
		return out;
	}
}
