package org.fundguard.penalties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fundguard.cases.Findings;
import org.fundguard.cases.SubjectType;
import org.fundguard.errors.Refused;
import org.fundguard.penalties.PenaltiesProperties.ArticleRule;
import org.fundguard.penalties.PenaltiesProperties.Factor;
import org.fundguard.penalties.PenaltiesProperties.FineKind;
import org.fundguard.penalties.PenaltiesProperties.FineRule;
import org.fundguard.penalties.PenaltiesProperties.MeasureKind;
import org.fundguard.penalties.PenaltiesProperties.MeasureRule;
import org.springframework.stereotype.Component;

/**
 * 行政处罚裁量基准: turns the investigation's findings and the circumstances found into a proposed penalty. A case
 * starts at the configured position in the legal range; each mitigating or aggravating factor moves it by its
 * documented share; the position is kept inside the range (the law's minimum and maximum are never crossed); the
 * fine, and the months of any suspension, are read off the range at that position. Every step is written down.
 */
@Component
public class DiscretionTable {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final PenaltiesProperties config;

	public DiscretionTable(PenaltiesProperties config) {
		this.config = config;
	}

	public List<Factor> factors() {
		return config.factors();
	}

	public ProposedPenalty compute(Findings findings, SubjectType subject, Collection<String> factorCodes) {
		if (!findings.violation()) {
			throw Refused.because("penalties.discretion.no-violation");
		}
		Set<String> codes = new LinkedHashSet<>(factorCodes);
		for (String code : codes) {
			if (config.factor(code).isEmpty()) {
				throw Refused.because("penalties.discretion.unknown-factor", code);
			}
		}
		ArticleRule rule = applicableArticle(findings, subject);
		List<String> lines = new ArrayList<>();
		lines.add("适用条款：《医疗保障基金使用监督管理条例》第" + rule.article() + "条（" + rule.title() + "）");
		BigDecimal recovery = Yuan.cents(findings.amountToRecover());
		lines.add("责令退回基金损失：" + Yuan.format(recovery) + "（调查认定的损失金额）");

		double position = config.startPosition();
		lines.add("裁量起点：一般情节，位于法定幅度的 " + percent(position));
		List<String> applied = new ArrayList<>();
		for (Factor factor : config.factors()) {
			if (codes.contains(factor.code())) {
				double before = position;
				position += factor.shift();
				applied.add(factor.code());
				lines.add(factor.kind().label() + "「" + factor.label() + "」：" + factor.effect() + "，位置 "
						+ percent(before) + " → " + percent(position));
			}
		}
		if (position < 0) {
			position = 0;
			lines.add("位置低于法定幅度下限，按下限 0% 计：不得低于法定最低标准");
		}
		else if (position > 1) {
			position = 1;
			lines.add("位置高于法定幅度上限，按上限 100% 计：不得超过法定最高标准");
		}
		else {
			lines.add("最终裁量位置：法定幅度的 " + percent(position));
		}

		Fine fine = fine(rule, findings, codes, position, lines);
		Measure measure = measure(rule, codes, position, lines);
		lines.add("合计应缴：退回 " + Yuan.format(recovery) + " + 罚款 " + Yuan.format(fine.amount()) + " = "
				+ Yuan.format(recovery.add(fine.amount())));
		return new ProposedPenalty(rule.article(), subject, recovery, fine.base(), fine.multiple(), fine.amount(),
				measure.kind(), measure.months(), measure.termination(), position, applied, lines);
	}

	/**
	 * The article of the findings the penalty rests on: the first one that punishes this kind of subject with the
	 * intent found (Art. 40 needs fraud, Art. 38 irregular use); failing that, one that names no intent.
	 */
	ArticleRule applicableArticle(Findings findings, SubjectType subject) {
		List<ArticleRule> forSubject = findings.articles().stream()
			.map(config::article)
			.flatMap(Optional::stream)
			.filter(r -> r.subject() == subject)
			.toList();
		return forSubject.stream()
			.filter(r -> r.intent() == findings.intent())
			.findFirst()
			.or(() -> forSubject.stream().filter(r -> r.intent() == null).findFirst())
			.orElseThrow(() -> Refused.because("penalties.discretion.no-article", String.join("、", findings.articles()),
					subject.label(), findings.intent().label()));
	}

	private record Fine(BigDecimal base, BigDecimal multiple, BigDecimal amount) {
		static final Fine NONE = new Fine(null, null, BigDecimal.ZERO.setScale(2));
	}

	private Fine fine(ArticleRule rule, Findings findings, Set<String> codes, double position, List<String> lines) {
		FineRule f = rule.fine();
		if (f == null || f.kind() == FineKind.NONE) {
			lines.add("罚款：本条不设罚款");
			return Fine.NONE;
		}
		if (f.onlyWithFactor() != null && !f.onlyWithFactor().isBlank() && !codes.contains(f.onlyWithFactor())) {
			lines.add("罚款：未认定「" + factorLabel(f.onlyWithFactor()) + "」情节，本条不予罚款，责令改正");
			return Fine.NONE;
		}
		if (f.onlyWithIntent() != null && f.onlyWithIntent() != findings.intent()) {
			lines.add("罚款：未认定" + f.onlyWithIntent().label() + "，本条不予罚款");
			return Fine.NONE;
		}
		BigDecimal pos = BigDecimal.valueOf(position);
		if (f.kind() == FineKind.MULTIPLE) {
			BigDecimal base = Yuan.cents(findings.amountToRecover());
			BigDecimal multiple = f.min().add(f.max().subtract(f.min()).multiply(pos)).setScale(2, RoundingMode.HALF_UP);
			BigDecimal amount = Yuan.cents(base.multiply(multiple));
			lines.add("罚款基数：基金损失 " + Yuan.format(base) + "；法定倍数 " + plain(f.min()) + "–" + plain(f.max()) + " 倍");
			lines.add("罚款倍数：" + plain(f.min()) + " + (" + plain(f.max()) + " − " + plain(f.min()) + ") × "
					+ percent(position) + " = " + plain(multiple) + " 倍");
			lines.add("罚款金额：" + Yuan.format(base) + " × " + plain(multiple) + " = " + Yuan.format(amount));
			return new Fine(base, multiple, amount);
		}
		BigDecimal amount = f.min().add(f.max().subtract(f.min()).multiply(pos)).setScale(0, RoundingMode.HALF_UP)
			.setScale(2);
		lines.add("法定罚款幅度：" + Yuan.format(f.min()) + "–" + Yuan.format(f.max()));
		lines.add("罚款金额：" + Yuan.format(f.min()) + " + (" + Yuan.format(f.max()) + " − " + Yuan.format(f.min())
				+ ") × " + percent(position) + " = " + Yuan.format(amount));
		return new Fine(null, null, amount);
	}

	private record Measure(MeasureKind kind, int months, boolean termination) {
	}

	private Measure measure(ArticleRule rule, Set<String> codes, double position, List<String> lines) {
		MeasureRule m = rule.measure();
		if (m == null || m.kind() == MeasureKind.NONE) {
			return new Measure(MeasureKind.NONE, 0, false);
		}
		if (!m.onlyWithFactors().isEmpty() && m.onlyWithFactors().stream().noneMatch(codes::contains)) {
			lines.add(m.kind().label() + "：未认定「"
					+ String.join("」或「", m.onlyWithFactors().stream().map(this::factorLabel).toList()) + "」情节，不予适用");
			return new Measure(MeasureKind.NONE, 0, false);
		}
		if (m.terminationFactor() != null && !m.terminationFactor().isBlank() && codes.contains(m.terminationFactor())) {
			lines.add("认定「" + factorLabel(m.terminationFactor()) + "」情节：解除医保服务协议");
			return new Measure(m.kind(), 0, true);
		}
		BigDecimal exact = BigDecimal.valueOf(m.minMonths())
			.add(BigDecimal.valueOf(m.maxMonths() - m.minMonths()).multiply(BigDecimal.valueOf(position)));
		int months = exact.setScale(0, RoundingMode.HALF_UP).intValue();
		lines.add(m.kind().label() + "：" + m.minMonths() + " + (" + m.maxMonths() + " − " + m.minMonths() + ") × "
				+ percent(position) + " = " + plain(exact.setScale(2, RoundingMode.HALF_UP)) + "，取整为 " + months + " 个月");
		return new Measure(m.kind(), months, false);
	}

	private String factorLabel(String code) {
		return config.factor(code).map(Factor::label).orElse(code);
	}

	static String percent(double position) {
		return BigDecimal.valueOf(position).multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}
}
