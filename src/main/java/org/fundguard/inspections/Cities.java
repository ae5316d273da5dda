package org.fundguard.inspections;

import java.util.Map;

/**
 * City names of the administrative-division codes, for pages of a provincial bureau that say which city an inspector
 * or an institution belongs to. A city is the first 4 digits of a region code ({@link DrawParameters#cityOf}); a code
 * this list does not name is shown as its digits.
 */
public final class Cities {

	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("3701", "济南市"), Map.entry("3702", "青岛市"),
			Map.entry("3703", "淄博市"), Map.entry("3704", "枣庄市"), Map.entry("3705", "东营市"), Map.entry("3706", "烟台市"),
			Map.entry("3707", "潍坊市"), Map.entry("3708", "济宁市"), Map.entry("3709", "泰安市"), Map.entry("3710", "威海市"),
			Map.entry("3711", "日照市"), Map.entry("3713", "临沂市"), Map.entry("3714", "德州市"), Map.entry("3715", "聊城市"),
			Map.entry("3716", "滨州市"), Map.entry("3717", "菏泽市"));

	private Cities() {
	}

	/** 淄博市（3703） for 370303; 未知城市 when the code has fewer than 4 digits. */
	public static String label(String regionCode) {
		String city = DrawParameters.cityOf(regionCode);
		if (city.isEmpty()) {
			return "未知城市";
		}
		return NAMES.containsKey(city) ? NAMES.get(city) + "（" + city + "）" : city;
	}

	/** The bureau of the city, as the plan page names where a further-handling case went: 淄博市（3703）医保局. */
	public static String bureau(String regionCode) {
		return label(regionCode) + "医保局";
	}

	/**
	 * Whether a jurisdiction spans several cities, so that a cross-city draw makes sense: some prefix is shorter than
	 * a city's 4 digits (37 = the province of Shandong).
	 */
	public static boolean provincial(java.util.List<String> regionPrefixes) {
		return regionPrefixes.stream().anyMatch(p -> p.length() < 4);
	}
}
