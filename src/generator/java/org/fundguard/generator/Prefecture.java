package org.fundguard.generator;

import java.util.List;

/**
 * The prefecture-level pooling regions (统筹区) the demo knows: the bureau's own Zibo, neighbouring Linyi, and four
 * cities elsewhere in China where people are insured or travel for treatment (异地就医). Settlements carry the
 * pooling code as insured_region and medical_region; providers carry the district code as their region.
 */
enum Prefecture {

	ZIBO("370300", "淄博", true, d("370302", "淄川区"), d("370303", "张店区"), d("370304", "博山区"), d("370305", "临淄区"),
			d("370306", "周村区"), d("370321", "桓台县"), d("370322", "高青县"), d("370323", "沂源县")),
	LINYI("371300", "临沂", true, d("371302", "兰山区"), d("371311", "罗庄区"), d("371312", "河东区"), d("371321", "沂南县"),
			d("371322", "郯城县"), d("371323", "沂水县"), d("371324", "兰陵县"), d("371325", "费县"), d("371326", "平邑县"),
			d("371327", "莒南县"), d("371328", "蒙阴县"), d("371329", "临沭县")),
	BEIJING("110000", "北京", false, d("110105", "朝阳区"), d("110108", "海淀区")),
	SHANGHAI("310000", "上海", false, d("310104", "徐汇区"), d("310115", "浦东新区")),
	GUANGZHOU("440100", "广州", false, d("440106", "天河区"), d("440104", "越秀区")),
	NANJING("320100", "南京", false, d("320102", "玄武区"), d("320106", "鼓楼区"));

	/** The cities outside Shandong. */
	static final List<Prefecture> ELSEWHERE = List.of(BEIJING, SHANGHAI, GUANGZHOU, NANJING);

	final String pooling;
	final String shortName;
	final boolean shandong;
	final List<District> districts;

	Prefecture(String pooling, String shortName, boolean shandong, District... districts) {
		this.pooling = pooling;
		this.shortName = shortName;
		this.shandong = shandong;
		this.districts = List.of(districts);
	}

	record District(String code, String name) {

		/** The district name without its 区/县 suffix, for institution names. */
		String shortName() {
			return name.length() > 2 ? name.substring(0, name.length() - 1) : name;
		}
	}

	private static District d(String code, String name) {
		return new District(code, name);
	}
}
