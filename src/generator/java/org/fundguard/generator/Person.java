package org.fundguard.generator;

import java.time.LocalDate;

/** One insured person record (参保人员) with what the generator needs to plan his or her care. */
final class Person {

	int index;
	String personId;
	String idNumber;
	String name;
	int gender;
	LocalDate birth;
	/** Where insured (参保地), the pooling region of the fund that pays. */
	Prefecture insured;
	/** Where he or she lives and is treated. */
	Prefecture residence;
	String insuranceType;
	LocalDate enroll;
	LocalDate end;
	LocalDate death;
	boolean assisted;
	/** Age at the end of the period. */
	int age;

	boolean hypertension;
	boolean diabetes;
	boolean coronary;
	boolean copd;
	boolean lungCancer;
	boolean dialysis;
	/** 0: dialysis on Monday, Wednesday and Friday; 1: Tuesday, Thursday and Saturday. */
	int dialysisPattern;

	/** Both records of a duplicate enrolment must have settlements, or the pattern is not there. */
	boolean mustSettle;
	/** The first record of a pair with one id_number, set on the second. */
	Person twinOf;
	/** True for a pair whose coverage periods do not overlap (a decoy, not a hit). */
	boolean twinDecoy;

	/** A crafted person's visits (knowledge-base boundaries), planned by {@link KnowledgeBaseEdgeCases}, not the planner. */
	CarePlanner.CarePlan craftedPlan;

	/** Set while billing: whether a restricted-diagnosis line was injected into one of this person's settlements. */
	boolean restrictedInjected;
	/** Set while planning: whether any of this person's settlements bills dialysis. */
	boolean billsDialysis;

	boolean outOfArea() {
		return insured != residence;
	}

	boolean employee() {
		return insuranceType.equals("310");
	}

	boolean female() {
		return gender == 2;
	}

	int chronicCount() {
		int n = 0;
		for (boolean b : new boolean[] { hypertension, diabetes, coronary, copd, lungCancer }) {
			n += b ? 1 : 0;
		}
		return n;
	}

	/** Index of the fund (region + scheme) that pays this person's claims. */
	int fund() {
		return FundBook.fund(insured, insuranceType);
	}
}
