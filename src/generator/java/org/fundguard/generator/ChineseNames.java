package org.fundguard.generator;

import java.util.SplittableRandom;

/** Chinese personal names: a common surname (the first ones more often) and a one- or two-character given name. */
final class ChineseNames {

	private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文";
	private static final String MALE = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛";
	private static final String FEMALE = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨琰韵园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希欣育滢馥筠柔竹凝晓欢霄枫芸菲寒伊亚宜可舒影思丽";

	private ChineseNames() {
	}

	static String name(int gender, SplittableRandom rng) {
		// squaring the uniform draw favours the front of the list, where the common surnames are
		double u = rng.nextDouble();
		StringBuilder sb = new StringBuilder(3).append(SURNAMES.charAt((int) (u * u * SURNAMES.length())));
		String given = gender == 1 ? MALE : FEMALE;
		sb.append(given.charAt(rng.nextInt(given.length())));
		if (rng.nextDouble() < 0.7) {
			sb.append(given.charAt(rng.nextInt(given.length())));
		}
		return sb.toString();
	}
}
