package org.fundguard.rules;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * What pages show for the rules' codes: a rule's Chinese name for its id, and Chinese for the subjects, run, result
 * and lead statuses the rules module stores as codes. Pages call it as {@code ${@ruleLabels.names(lead.rules)}}; the
 * codes stay what the database, the API and Elasticsearch hold.
 */
@Component("ruleLabels")
public class RuleLabels {

	private static final Map<String, String> SUBJECTS = Map.ofEntries(Map.entry("provider", "定点医药机构"),
			Map.entry("settlement", "结算单"), Map.entry("settlement+item", "结算单 + 项目"), Map.entry("person", "参保人员"),
			Map.entry("person+iso_week", "参保人员 + 自然周"), Map.entry("person pair", "参保人员（两次住院）"),
			Map.entry("person+settlement pair", "参保人员 + 两张结算单"), Map.entry("region+scheme+month", "统筹区 + 险种 + 月份"),
			Map.entry("region", "统筹区"), Map.entry("fund", "基金"), Map.entry("settlement+item+day", "结算单 + 项目 + 日期"),
			Map.entry("settlement+item pair", "结算单 + 两个互斥项目"), Map.entry("person+provider+day", "参保人员 + 机构 + 日期"),
			Map.entry("region+scheme+year", "统筹区 + 险种 + 年度"));
	private static final Map<String, String> PARTIES = Map.of("provider", "机构", "person", "人员", "region", "基金",
			"fund", "基金");
	private static final Map<String, String> STATUSES = Map.of("OK", "成功", "FAILED", "失败", "RUNNING", "运行中",
			"COMPLETED", "已完成", "COMPLETED_WITH_FAILURES", "已完成（部分规则失败）", "OPEN", "待处理", "CASE_OPENED", "已立案",
			"CLOSED", "已关闭", "INTERRUPTED", "已中断");
	private static final Map<String, String> SEVERITIES = Map.of("high", "高", "medium", "中", "low", "低");
	private static final Map<String, String> TRIGGERS = Map.of("UI", "页面", "WEB", "页面", "SCHEDULE", "定时", "CLI", "命令行", "API",
			"接口", "AUTO", "自动");

	private static final Pattern SLASH_BEFORE_ENGLISH = Pattern.compile("\\s*/\\s*(?=[A-Za-z])");
	private static final Pattern ENGLISH_AFTER_CHINESE = Pattern.compile("[。；]\\s*[A-Z]");

	private final RuleCatalogue catalogue;

	RuleLabels(RuleCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** The rule's Chinese name; an id no longer in the catalogue as it is. */
	public String name(String ruleId) {
		return ruleId == null ? "—" : catalogue.find(ruleId.strip()).map(RuleDefinition::nameZh).orElse(ruleId);
	}

	/** Comma-separated rule ids (a lead's rules) as their Chinese names, joined by 、. */
	public String names(String ruleIds) {
		if (ruleIds == null || ruleIds.isBlank()) {
			return "—";
		}
		return Arrays.stream(ruleIds.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(this::name)
			.collect(Collectors.joining("、"));
	}

	/**
	 * The Chinese part of a rule file's bilingual text ("中文 / English", or "中文。English."), for pages; the API and
	 * the file keep both.
	 */
	public String chinese(String text) {
		if (text == null) {
			return "";
		}
		Matcher slash = SLASH_BEFORE_ENGLISH.matcher(text);
		if (slash.find()) {
			return text.substring(0, slash.start()).strip();
		}
		Matcher english = ENGLISH_AFTER_CHINESE.matcher(text);
		return english.find() ? text.substring(0, english.start() + 1).strip() : text;
	}

	/**
	 * A signal's reference without its rule id in front (rule|subject|window), which the rule column shows by name: the
	 * subject and window are what identify it to a reader.
	 */
	public String signalRef(String ref) {
		if (ref == null) {
			return "";
		}
		int bar = ref.indexOf('|');
		return bar > 0 && catalogue.find(ref.substring(0, bar)).isPresent() ? ref.substring(bar + 1) : ref;
	}

	public String subject(String subjectType) {
		return SUBJECTS.getOrDefault(subjectType, subjectType);
	}

	/** A lead's party: 机构 H37030300037. */
	public String party(String partyType, String partyKey) {
		return PARTIES.getOrDefault(partyType, partyType) + " " + partyKey;
	}

	public String status(String status) {
		return status == null ? "—" : STATUSES.getOrDefault(status, status);
	}

	public String severity(String severity) {
		return SEVERITIES.getOrDefault(severity, severity);
	}

	public String trigger(String trigger) {
		return trigger == null ? "—" : TRIGGERS.getOrDefault(trigger, trigger);
	}
}
