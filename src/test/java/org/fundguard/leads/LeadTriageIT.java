package org.fundguard.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.appeals.IssuedSignals;
import org.fundguard.appeals.IssuedSignalsChanged;
import org.fundguard.appeals.LeadReview;
import org.fundguard.cases.CaseEvidence;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.record.RecordEntry;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.WebSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lead triage against the real Keycloak and database: the list and its filters through the API and the page, the bulk
 * actions with each lead's outcome, the review moving a lead, the case opened from a lead with the state change in its
 * enforcement record, and who may do what (an inspector may not act on leads, an institution sees none of them).
 * The appeals module's {@link IssuedSignals} is replaced by a fake here, and only here, until it is merged.
 */
@IntegrationTest
@Import(LeadTriageIT.FakeAppeals.class)
class LeadTriageIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TestConfiguration
	static class FakeAppeals {

		@Bean
		@Primary
		FakeIssuedSignals fakeIssuedSignals() {
			return new FakeIssuedSignals();
		}
	}

	@Autowired
	FakeIssuedSignals issued;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	CaseEvidence evidence;

	@Autowired
	EnforcementRecord record;

	@LocalServerPort
	int port;

	/** An amount of this test's own, so the amount filter finds its leads and no one else's. */
	private BigDecimal base;
	private String a;
	private String b;
	private String c;

	@BeforeEach
	void leads() {
		base = new BigDecimal(7_000_000 + new java.util.Random().nextInt(1_000_000) * 10).setScale(2);
		a = insert(base.add(new BigDecimal("0.03")), 30);
		b = insert(base.add(new BigDecimal("0.02")), 20);
		c = insert(base.add(new BigDecimal("0.01")), 10);
	}

	@AfterEach
	void removeTheLeads() {
		jdbc.sql("delete from rule_lead where id in (?, ?, ?)").params(a, b, c).update();
	}

	private String insert(BigDecimal money, double score) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into rule_lead (id, party_type, party_key, window_from, window_to, run_id, signals, suppressed, rules,
				money, risk_score, status, updated_at) values (?, 'provider', ?, ?, ?, 'lead-triage-it', 2, 0,
				'price-over-ceiling', ?, ?, 'OPEN', ?)""")
			.params(id, "HLT" + id.substring(0, 8).toUpperCase(), LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 31), money,
					score, OffsetDateTime.now())
			.update();
		return id;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private String range() {
		return "minAmount=" + base + "&maxAmount=" + base.add(BigDecimal.ONE);
	}

	private JsonNode get(String path, String user) throws Exception {
		HttpResponse<String> r = Http.get(url(path), KeycloakTokens.accessToken(user));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return JSON.readTree(r.body());
	}

	private HttpResponse<String> act(String user, String action, List<String> ids, String reason) throws Exception {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("action", action);
		body.put("leadIds", ids);
		if (reason != null) {
			body.put("reason", reason);
		}
		return Http.post(url("/api/leads/actions"), KeycloakTokens.accessToken(user), JSON.writeValueAsString(body));
	}

	@Test
	void analystsFilterIssueVoidAndOpenACaseEachLeadAnsweringForItself() throws Exception {
		JsonNode all = get("/api/leads?" + range(), "analyst1");
		assertThat(all.path("total").asLong()).isEqualTo(3);
		assertThat(all.path("leads").findValuesAsText("id")).containsExactly(a, b, c);
		assertThat(all.path("leads").findValuesAsText("stateLabel")).containsOnly("待处理");
		assertThat(get("/api/leads?" + range() + "&size=2&page=1", "director1").path("leads").findValuesAsText("id"))
			.containsExactly(c);

		HttpResponse<String> noReason = act("analyst1", "VOID", List.of(c), null);
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(noReason.body()).path("detail").asText()).isEqualTo("作废线索须写明原因");

		issued.issuable.put(a, 2);
		JsonNode issuedOut = JSON.readTree(act("analyst1", "ISSUE", List.of(a, b), null).body());
		assertThat(issuedOut.findValuesAsText("done")).containsExactly("true", "false");
		assertThat(issuedOut.get(1).path("message").asText()).isEqualTo("该线索没有可下发的疑点（均已下发）");

		JsonNode voided = JSON.readTree(act("analyst1", "VOID", List.of(c, a), "与上月检查重复").body());
		assertThat(voided.findValuesAsText("done")).containsExactly("true", "false");
		assertThat(voided.get(1).path("message").asText()).contains("已下发").contains("复核决定");
		assertThat(get("/api/leads?state=VOID&" + range(), "analyst1").path("leads").findValuesAsText("id"))
			.containsExactly(c);

		// the institution accepts both signals: the lead is confirmed (below the threshold, a medium rule: no case)
		issued.reviews.put(a, new LeadReview(2, 0, 0, 2, 0, new BigDecimal("800.00")));
		events.publishEvent(new IssuedSignalsChanged(a));
		assertThat(get("/api/leads?state=CONFIRMED&" + range(), "analyst1").path("leads").findValuesAsText("id"))
			.containsExactly(a);

		JsonNode opened = JSON.readTree(act("director1", "OPEN_CASE", List.of(a), "金额虽小，涉及多名参保人").body());
		assertThat(opened.get(0).path("done").asBoolean()).as(opened.toString()).isTrue();
		assertThat(opened.get(0).path("message").asText()).startsWith("已登记案件 ");
		long caseId = evidence.caseOfLead(a).orElseThrow();
		assertThat(record.entries(caseId)).extracting(RecordEntry::action).contains(LeadStates.RECORD_ACTION);
		assertThat(record.entries(caseId)).extracting(RecordEntry::detail)
			.contains("线索状态：已确认 → 已立案；原因：登记稽核案件 " + opened.get(0).path("message").asText().substring(6)
					+ "；金额虽小，涉及多名参保人");

		JsonNode one = get("/api/leads/" + a, "analyst1");
		assertThat(one.path("stateLabel").asText()).isEqualTo("已立案");
		assertThat(one.path("history").findValuesAsText("to")).containsExactly("ISSUED", "CONFIRMED", "CASE_OPENED");
		assertThat(one.path("history").findValuesAsText("by")).containsExactly("analyst1", "fundguard-system", "director1");
	}

	@Test
	void anInspectorMayNotActOnLeadsAndAnInstitutionReachesNoneOfThem() throws Exception {
		assertThat(act("inspector1", "VOID", List.of(c), "理由").statusCode()).isEqualTo(403);
		assertThat(Http.get(url("/api/leads"), KeycloakTokens.accessToken("inspector1")).statusCode()).isEqualTo(403);
		assertThat(Http.get(url("/api/leads"), KeycloakTokens.accessToken("institution1")).statusCode()).isEqualTo(403);
		assertThat(Http.get(url("/api/leads/" + c), KeycloakTokens.accessToken("institution1")).statusCode())
			.isEqualTo(403);
		assertThat(act("institution1", "VOID", List.of(c), "理由").statusCode()).isEqualTo(403);
		assertThat(act("admin1", "VOID", List.of(c), "理由").statusCode()).as("administrators read, they do not act")
			.isEqualTo(403);
		assertThat(get("/api/leads/" + c, "analyst1").path("state").asText()).isEqualTo("OPEN");
	}

	@Test
	void thePageListsFiltersAndShowsEachLeadsHistory() throws Exception {
		WebSession analyst = WebSession.signIn(url(""), "analyst1", "fundguard");
		Document list = analyst.page("/leads?" + range());
		assertThat(list.select("#leads tbody tr")).hasSize(3);
		assertThat(list.select("#leads td.state").eachText()).containsOnly("待处理");
		assertThat(list.select("#filters select[name=state] option").eachText()).contains("待处理", "已下发", "复核中",
				"已确认", "已作废", "部分确认", "已立案", "已结案");

		Document lead = analyst.page("/leads/" + c);
		HttpResponse<String> voided = analyst.submit(lead.getElementById("lead-action"),
				Map.of("action", "VOID", "reason", "数据录入错误"));
		assertThat(voided.statusCode()).isEqualTo(200);
		assertThat(voided.uri().getPath()).as("back to the lead").isEqualTo("/leads/" + c);
		Document after = org.jsoup.Jsoup.parse(voided.body());
		assertThat(after.select("#outcomes li").eachText()).containsExactly("完成：已作废");
		assertThat(after.getElementById("lead-state").text()).isEqualTo("已作废");
		assertThat(after.select("#history tbody tr").eachText()).singleElement().asString()
			.contains(org.fundguard.support.DemoUsers.named("analyst1").displayName() + "（数据分析员）")
			.doesNotContain("analyst1").contains("待处理 → 已作废").contains("数据录入错误");
		assertThat(analyst.page("/leads?state=VOID&" + range()).select("#leads tbody tr")).hasSize(1);
	}
}
