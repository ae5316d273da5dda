package org.fundguard.generator;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plausible but invented institution names. Real hospital names are avoided on purpose: the demo marks some
 * institutions as outliers, and that must never point at a real hospital.
 */
final class ProviderNames {

	private static final String[] WORDS = { "仁济", "康宁", "博爱", "济民", "华康", "安康", "同心", "普济", "慈仁", "瑞华", "德仁",
			"益寿", "泰和", "康泰", "永安", "福瑞", "嘉和", "恒康", "明德", "健民" };
	private static final String[] SPECIALTIES = { "骨科", "康复", "心血管病", "肾病", "眼科", "妇产", "中西医结合" };
	private static final String[] TOWN_FIRST = { "东", "西", "南", "北", "新", "安", "平", "永", "兴", "和", "福", "泰", "宁", "丰" };
	private static final String[] TOWN_SECOND = { "庄", "集", "店", "桥", "营", "湖", "山", "岭", "坡", "泉", "河", "林" };
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "孙", "周", "吴", "徐", "马", "朱", "胡" };
	private static final String[] CLINIC_KINDS = { "诊所", "中医诊所", "综合门诊部", "内科诊所" };
	private static final String[] PHARMACY_BRANDS = { "泽康", "瑞福", "嘉禾", "百草园", "济世堂", "安泰", "众生堂", "同济堂" };

	private final SplittableRandom rng;
	private final Set<String> used = new HashSet<>();

	ProviderNames(SplittableRandom rng) {
		this.rng = rng;
	}

	String name(Tier tier, Prefecture prefecture, Prefecture.District district) {
		for (int attempt = 0;; attempt++) {
			String name = candidate(tier, prefecture, district);
			if (attempt > 20) {
				name = name + "(" + attempt + ")";
			}
			if (used.add(name)) {
				return name;
			}
		}
	}

	private String candidate(Tier tier, Prefecture prefecture, Prefecture.District district) {
		String city = prefecture.shortName;
		String place = district.shortName();
		return switch (tier) {
			case H3 -> city + pick(WORDS) + pick(new String[] { "医院", "中心医院", "总医院", "中医医院" });
			case H2 -> place + pick(WORDS) + pick(new String[] { "医院", "中医医院", "第二医院" });
			case H1 -> place + town() + pick(new String[] { "镇卫生院", "街道社区卫生服务中心" });
			case H0 -> city + pick(WORDS) + pick(SPECIALTIES) + "医院";
			case CLINIC -> place + pick(SURNAMES) + pick(new String[] { "氏", "建", "国", "明", "红" }) + pick(CLINIC_KINDS);
			case PHARMACY -> pick(PHARMACY_BRANDS) + "大药房(" + place + town() + "店)";
		};
	}

	private String town() {
		return pick(TOWN_FIRST) + pick(TOWN_SECOND);
	}

	private String pick(String[] options) {
		return options[rng.nextInt(options.length)];
	}
}
