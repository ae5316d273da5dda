package org.fundguard.credit;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The credit methodology (医保信用评价办法): the points and the grade bounds, which a bureau sets and the public page
 * renders as they are configured.
 *
 * @param startScore every institution's score at the start of a year (100)
 * @param maxScore no credit lifts a score above this (100): credits restore points lost, they are not banked
 * @param gradeA the lowest A score (90); {@code gradeB} (75) and {@code gradeC} (60) likewise; below C is D
 * @param signalConfirmed points deducted per confirmed signal (疑点确认)
 * @param refusedInspection points deducted when an institution refused to cooperate with an on-site inspection
 * @param penaltyArticles points deducted per penalty decision, by article of the regulation
 * @param penaltyOtherArticle points deducted for a decision on an article the table lacks
 * @param penaltySuspension added to the article's points when the decision suspends the agreement or settlement
 * @param penaltyTermination added to the article's points when the decision terminates the agreement
 * @param selfReportedRefund points credited for a self-inspection report that refunds money
 * @param drawWeightGradeD the factor a grade-D institution's draw weight is multiplied by
 */
@ConfigurationProperties("fundguard.credit")
public record CreditProperties(Integer startScore, Integer maxScore, Integer gradeA, Integer gradeB, Integer gradeC,
		Integer signalConfirmed, Integer refusedInspection, Map<String, Integer> penaltyArticles,
		Integer penaltyOtherArticle, Integer penaltySuspension, Integer penaltyTermination, Integer selfReportedRefund,
		Integer drawWeightGradeD) {

	public CreditProperties {
		startScore = startScore == null ? 100 : startScore;
		maxScore = maxScore == null ? startScore : maxScore;
		gradeA = gradeA == null ? 90 : gradeA;
		gradeB = gradeB == null ? 75 : gradeB;
		gradeC = gradeC == null ? 60 : gradeC;
		signalConfirmed = signalConfirmed == null ? 2 : signalConfirmed;
		refusedInspection = refusedInspection == null ? 20 : refusedInspection;
		penaltyArticles = penaltyArticles == null ? Map.of() : Map.copyOf(penaltyArticles);
		penaltyOtherArticle = penaltyOtherArticle == null ? 10 : penaltyOtherArticle;
		penaltySuspension = penaltySuspension == null ? 10 : penaltySuspension;
		penaltyTermination = penaltyTermination == null ? 40 : penaltyTermination;
		selfReportedRefund = selfReportedRefund == null ? 3 : selfReportedRefund;
		drawWeightGradeD = drawWeightGradeD == null ? 3 : Math.max(1, drawWeightGradeD);
		if (!(gradeA > gradeB && gradeB > gradeC)) {
			throw new IllegalArgumentException("fundguard.credit: grade-a > grade-b > grade-c is required");
		}
	}

	/** The defaults of application.yml, for the unit tests. */
	static CreditProperties defaults() {
		return new CreditProperties(100, 100, 90, 75, 60, 2, 20, Map.of("38", 10, "39", 5, "40", 30), 10, 10, 40, 3, 3);
	}

	public CreditGrade grade(int score) {
		if (score >= gradeA) {
			return CreditGrade.A;
		}
		if (score >= gradeB) {
			return CreditGrade.B;
		}
		return score >= gradeC ? CreditGrade.C : CreditGrade.D;
	}

	/** The article table in article order, for the methodology page. */
	public Map<String, Integer> articlesInOrder() {
		return new TreeMap<>(penaltyArticles);
	}

	/** Points deducted by a penalty decision on that article, with its measure. */
	public int penaltyPoints(String article, boolean suspension, boolean termination) {
		int points = article == null ? penaltyOtherArticle : penaltyArticles.getOrDefault(article.strip(), penaltyOtherArticle);
		if (termination) {
			points += penaltyTermination;
		}
		else if (suspension) {
			points += penaltySuspension;
		}
		return points;
	}
}
