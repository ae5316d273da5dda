package org.fundguard.checks;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.rules.CheckHit;
import org.fundguard.rules.CheckSnapshot;
import org.fundguard.rules.ProspectiveSettlement;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/checks/settlement}: what an institution's system asks before billing. Institutions (their users
 * and their client-credentials clients) check only their own provider code; bureau analysts any.
 */
@RestController
@RequestMapping("/api/checks")
class ChecksApi {

	private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

	/** The answer: the hits, and when the data they were judged on was read. */
	@Schema(description = "事前提醒结果 / the check's answer")
	record CheckAnswer(@Schema(description = "预警条数 / number of hits") int hitCount,
			@Schema(description = "预警 / the hits") List<CheckHit> hits,
			@Schema(description = "所依据数据的读取时间 / when the data judged on was read") OffsetDateTime dataAsOf) {
	}

	private final CheckSnapshots snapshots;
	private final CheckCounts counts;

	ChecksApi(CheckSnapshots snapshots, CheckCounts counts) {
		this.snapshots = snapshots;
		this.counts = counts;
	}

	@Operation(summary = "事前提醒：结算前检查一次就诊 / pre-settlement check", description = """
			定点医药机构在结算前提交一次拟结算的就诊（参保人、机构、医疗类别、诊断、就诊日期、费用明细），\
			立即返回智能监控规则将对其提出的全部疑点：限定诊断、超限价、超限量、缺少必需项目、知识库限制\
			（限性别、限年龄、限就医方式、超频次、互斥项目）、死亡后结算、参保期外结算、住院期间门诊、重叠住院。\
			每条预警给出规则编号、规则名称、中文提示和所涉明细序号（从 0 起）。本接口不保存结算，只计数。\
			机构账号或机构客户端只能检查本机构（令牌中的 provider_code）的结算，否则 403；数据分析员可检查任何机构。

			Before billing, an institution sends a prospective settlement and gets back every hit the line, \
			knowledge-base and person-timeline rules would raise. Nothing but counts is stored. An institution may \
			check only its own provider code (403 otherwise); analysts any.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "住院 / a stay", value = """
			{"personId":"P000123","providerCode":"H37030001","medType":"21","diagnosisCodes":["I10"],
			 "visitStart":"2026-03-02","visitEnd":"2026-03-06",
			 "lines":[{"itemCode":"XB05BA","quantity":2,"unitPrice":35.50,"amount":71.00,"date":"2026-03-03"},
			          {"itemCode":"F00000001","quantity":1,"unitPrice":12.00,"amount":12.00,"date":"2026-03-03"}]}""")))
	@ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "一条预警 / one hit", value = """
			{"hitCount":1,"hits":[{"ruleId":"price-over-ceiling","ruleName":"超标准收费（单价超过限价）",
			 "message":"一次性输液器 单价 35.5 超过限价 30","lines":[0]}],"dataAsOf":"2026-12-07T19:05:00+08:00"}""")))
	@PostMapping("/settlement")
	CheckAnswer settlement(@RequestBody ProspectiveSettlement settlement, Authentication authentication) {
		SettlementShape.check(settlement);
		CurrentUser user = CurrentUser.from(authentication);
		if (user.institution() && !user.actsFor(settlement.providerCode())) {
			throw user.providerCode() == null ? Refused.forbidden("checks.settlement.unbound")
					: Refused.forbidden("checks.settlement.other-provider", user.providerCode());
		}
		CheckSnapshot snapshot = snapshots.current();
		List<CheckHit> hits = snapshot.check(settlement);
		counts.count(settlement.providerCode(), !hits.isEmpty());
		return new CheckAnswer(hits.size(), hits, snapshot.builtAt().atZone(BUREAU).toOffsetDateTime());
	}
}
