package org.fundguard.generator;

import java.util.SplittableRandom;

/**
 * Principal diagnoses (ICD-10 医保版) with the department that treats them and, for admissions, the usual length
 * of stay. Some share their first three characters (J18.900 and J18.000), which is what readmission compares.
 */
enum Diagnosis {

	URI("J06.900", "急性上呼吸道感染", "全科医疗科", 0, 0),
	FEVER("R50.900", "发热", "全科医疗科", 0, 0),
	GASTRITIS("K29.700", "胃炎", "消化内科", 0, 0),
	LOW_BACK_PAIN("M54.500", "腰痛", "骨科", 0, 0),
	PREGNANCY_CHECK("Z34.900", "正常妊娠监督", "产科", 0, 0),
	PNEUMONIA("J18.900", "肺炎", "呼吸内科", 5, 12),
	BRONCHOPNEUMONIA("J18.000", "支气管肺炎", "呼吸内科", 5, 10),
	COPD("J44.900", "慢性阻塞性肺病", "呼吸内科", 7, 14),
	COPD_EXACERBATION("J44.100", "慢性阻塞性肺病伴有急性加重", "呼吸内科", 7, 14),
	HYPERTENSION("I10.x00", "高血压", "心血管内科", 5, 9),
	DIABETES("E11.900", "2型糖尿病", "内分泌科", 6, 12),
	CORONARY("I25.103", "冠状动脉粥样硬化性心脏病", "心血管内科", 4, 9),
	STROKE("I63.900", "脑梗死", "神经内科", 8, 16),
	CKD5("N18.500", "慢性肾脏病5期", "肾内科", 5, 12),
	ACUTE_KIDNEY_FAILURE("N17.900", "急性肾衰竭", "肾内科", 7, 14),
	APPENDICITIS("K35.800", "急性阑尾炎", "普外科", 4, 7),
	LUNG_CANCER("C34.900", "肺恶性肿瘤", "肿瘤科", 8, 20),
	BIRTH("O80.000", "单胎顺产", "产科", 2, 4),
	HIP_ARTHROSIS("M16.900", "髋关节病", "骨科", 8, 14);

	final String code;
	final String label;
	final String department;
	final int minStay;
	final int maxStay;

	Diagnosis(String code, String label, String department, int minStay, int maxStay) {
		this.code = code;
		this.label = label;
		this.department = department;
		this.minStay = minStay;
		this.maxStay = maxStay;
	}

	/** The first three characters, which readmission compares. */
	String prefix() {
		return code.substring(0, 3);
	}

	int stayLength(SplittableRandom rng) {
		return minStay + rng.nextInt(maxStay - minStay + 1);
	}

	/** A diagnosis with the same three-character category, so a readmission is recognisable as one. */
	Diagnosis sibling() {
		return switch (this) {
			case PNEUMONIA -> BRONCHOPNEUMONIA;
			case BRONCHOPNEUMONIA -> PNEUMONIA;
			case COPD -> COPD_EXACERBATION;
			case COPD_EXACERBATION -> COPD;
			default -> this;
		};
	}

	boolean renal() {
		return this == CKD5 || this == ACUTE_KIDNEY_FAILURE;
	}
}
