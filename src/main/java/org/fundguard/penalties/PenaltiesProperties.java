package org.fundguard.penalties;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.fundguard.cases.Intent;
import org.fundguard.cases.SubjectType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The penalty procedure as the bureau configures it (fundguard.penalties): the discretion table of Decree 735
 * articles 38–41, the factors that move a penalty within its range, the hearing, legal-review and deliberation
 * thresholds, the procedure's periods, late-payment surcharge and the documents' numbering. Regions set their own
 * values; nothing here is repeated as a constant in the logic.
 *
 * @param documentPrefix the bureau's document-number prefix, e.g. 淄医保罚 → 淄医保罚〔2026〕12号
 * @param noticePrefix prefix of the notices' own series, e.g. 淄医保罚告
 * @param reconsiderationBody who hears an application for administrative reconsideration
 * @param cjkFont font file for the PDF documents (TrueType or a TrueType collection); empty = look in the usual places
 * @param startPosition where in the legal range a case without factors lands (0 = minimum, 1 = maximum)
 */
@ConfigurationProperties("fundguard.penalties")
public record PenaltiesProperties(String documentPrefix, String noticePrefix, String reconsiderationBody,
		String court, String cjkFont, Periods periods, Thresholds hearing, Thresholds legalReview,
		Thresholds collectiveDeliberation, LatePayment latePayment, double startPosition, List<ArticleRule> articles,
		List<Factor> factors) {

	public PenaltiesProperties {
		articles = articles == null ? List.of() : List.copyOf(articles);
		factors = factors == null ? List.of() : List.copyOf(factors);
		if (startPosition < 0 || startPosition > 1) {
			throw new IllegalArgumentException("fundguard.penalties.start-position must lie between 0 and 1");
		}
	}

	public Optional<ArticleRule> article(String article) {
		return articles.stream().filter(a -> a.article().equals(article)).findFirst();
	}

	public Optional<Factor> factor(String code) {
		return factors.stream().filter(f -> f.code().equals(code)).findFirst();
	}

	/**
	 * Periods of the procedure. Days are calendar days where the law says 日, working days where it says 工作日.
	 *
	 * @param decisionDays from filing to decision (90)
	 * @param extensionDays one extension approved by the director (30)
	 * @param defenceDays statement, defence and hearing request after the notice is served (5)
	 * @param serviceDays the decision is served within (7)
	 * @param publicationWorkingDays the decision is published within (7 working days)
	 * @param legalReviewWorkingDays the legal review is done within (10 working days)
	 * @param paymentDays the fine is paid within, from service (15)
	 * @param reconsiderationDays the party may apply for reconsideration within (60)
	 * @param litigationMonths or sue within (6)
	 */
	public record Periods(int decisionDays, int extensionDays, int defenceDays, int serviceDays,
			int publicationWorkingDays, int legalReviewWorkingDays, int paymentDays, int reconsiderationDays,
			int litigationMonths) {
	}

	/**
	 * When a proposed penalty is heavy enough for a hearing, a legal review or collective deliberation.
	 *
	 * @param individualFine a person's fine at or above this
	 * @param organisationFine an institution's fine at or above this
	 * @param anyAgreementMeasure any suspension or termination counts
	 */
	public record Thresholds(BigDecimal individualFine, BigDecimal organisationFine, boolean anyAgreementMeasure) {

		public boolean metBy(SubjectType subject, BigDecimal fine, boolean agreementMeasure) {
			BigDecimal threshold = subject == SubjectType.PERSON ? individualFine : organisationFine;
			return (anyAgreementMeasure && agreementMeasure) || (threshold != null && fine.compareTo(threshold) >= 0);
		}
	}

	/**
	 * 加处罚款: a share of the fine per day late, never more than the fine times the cap.
	 */
	public record LatePayment(BigDecimal dailyRate, BigDecimal capOfFine) {
	}

	/**
	 * One row of the discretion table.
	 *
	 * @param subject whom the article punishes
	 * @param intent the intent the article needs (null = any)
	 */
	public record ArticleRule(String article, String title, SubjectType subject, Intent intent, FineRule fine,
			MeasureRule measure) {
	}

	/**
	 * @param kind MULTIPLE of the loss, a FIXED amount range, or NONE
	 * @param onlyWithFactor the fine applies only with this factor (Art. 39: refuses to correct)
	 * @param onlyWithIntent the fine applies only with this intent (Art. 41: to defraud)
	 */
	public record FineRule(FineKind kind, BigDecimal min, BigDecimal max, String onlyWithFactor, Intent onlyWithIntent) {
	}

	public enum FineKind {
		NONE, MULTIPLE, FIXED
	}

	/**
	 * @param kind what is suspended
	 * @param onlyWithFactors the suspension applies only with one of these factors (Art. 38: serious or refuses to
	 *     correct); empty = always
	 * @param terminationFactor with this factor the agreement is terminated instead (Art. 40)
	 */
	public record MeasureRule(MeasureKind kind, int minMonths, int maxMonths, List<String> onlyWithFactors,
			String terminationFactor) {

		public MeasureRule {
			onlyWithFactors = onlyWithFactors == null ? List.of() : List.copyOf(onlyWithFactors);
		}
	}

	public enum MeasureKind {
		NONE(""), SUSPEND_AGREEMENT("暂停相关责任部门涉及医疗保障基金使用的医药服务"), SUSPEND_SETTLEMENT("暂停医疗费用联网结算");

		private final String label;

		MeasureKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * A mitigating (从轻) or aggravating (从重) circumstance and its documented effect.
	 *
	 * @param shift how far it moves the position within the range (−0.25 = a quarter of the range towards the minimum)
	 */
	public record Factor(String code, String label, FactorKind kind, double shift) {

		public String effect() {
			int percent = (int) Math.round(Math.abs(shift) * 100);
			return (shift < 0 ? "向从轻方向" : "向从重方向") + "调整法定幅度的 " + percent + "%";
		}
	}

	public enum FactorKind {
		MITIGATING("从轻情节"), AGGRAVATING("从重情节");

		private final String label;

		FactorKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
