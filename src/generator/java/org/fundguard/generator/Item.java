package org.fundguard.generator;

import java.util.Locale;

/**
 * The catalogue (医保目录) the demo bills from, with the payment limits the monitoring rules check: price ceilings
 * (挂网/集采价), quantity limits per settlement, diagnosis restrictions (限定支付范围), tags and required procedure tags.
 * Prices are in cents: services at a grade-3 hospital's price, drugs and consumables at purchase price.
 */
enum Item {

	// services: 15-character national codes (医疗服务项目)
	GP_CONSULT(Kind.SERVICE, service("110200001"), "普通门诊诊查费", 1_000, 1_000, 0, "", "", ""),
	SENIOR_CONSULT(Kind.SERVICE, service("110200002"), "副主任医师门诊诊查费", 2_000, 2_000, 0, "", "", ""),
	WARD_ROUND(Kind.SERVICE, service("110200005"), "住院诊查费", 2_000, 2_000, 0, "", "", ""),
	BED(Kind.SERVICE, service("110900001"), "普通病房床位费", 5_000, 5_000, 0, "", "", ""),
	NURSING(Kind.SERVICE, service("120100005"), "Ⅱ级护理", 3_000, 3_000, 0, "", "", ""),
	OXYGEN(Kind.SERVICE, service("120800001"), "氧气吸入(小时)", 500, -1, 0, "", "", ""),
	INFUSION(Kind.SERVICE, service("121300001"), "静脉输液", 1_000, 1_200, 0, "", "", ""),
	BLOOD_COUNT(Kind.SERVICE, service("250101015"), "血细胞分析(血常规)", 2_000, 2_500, 0, "", "", ""),
	URINALYSIS(Kind.SERVICE, service("250102035"), "尿液分析(尿常规)", 1_500, 1_500, 0, "", "", ""),
	CHEMISTRY(Kind.SERVICE, service("250301001"), "肝肾功能生化检测", 18_000, 20_000, 0, "", "", ""),
	HBA1C(Kind.SERVICE, service("250301002"), "糖化血红蛋白测定", 5_000, 5_000, 1, "", "", ""),
	ECG(Kind.SERVICE, service("220800001"), "常规心电图检查", 2_500, 2_500, 0, "", "", ""),
	CHEST_CT(Kind.SERVICE, service("210300001"), "X线计算机体层(CT)平扫(胸部)", 15_000, 15_000, 2, "", "", ""),
	ECG_MONITORING(Kind.SERVICE, service("310701008"), "心电监测(小时)", 400, 400, 0, "", "", ""),
	HEAD_MRI(Kind.SERVICE, service("210200001"), "磁共振平扫(头颅)", 50_000, 50_000, 1, "", "", ""),
	ULTRASOUND(Kind.SERVICE, service("220201001"), "彩色多普勒超声检查", 12_000, 12_000, 0, "", "", ""),
	HAEMODIALYSIS(Kind.SERVICE, service("311000006"), "血液透析", 40_000, 42_000, 0, "N18;N17", "dialysis", ""),
	HAEMODIAFILTRATION(Kind.SERVICE, service("311000010"), "血液透析滤过", 60_000, 62_000, 0, "N18;N17", "dialysis", ""),
	ANGIOGRAPHY(Kind.SERVICE, service("320500002"), "冠状动脉造影术", 200_000, 220_000, 0, "", "proc:cag", ""),
	PTCA(Kind.SERVICE, service("320500004"), "经皮冠状动脉腔内成形术(PTCA)", 300_000, 320_000, 0, "", "proc:pci", ""),
	STENTING(Kind.SERVICE, service("320500005"), "经皮冠状动脉内支架置入术", 350_000, 380_000, 0, "", "proc:pci", ""),
	HIP_REPLACEMENT(Kind.SERVICE, service("331505008"), "人工全髋关节置换术", 400_000, 420_000, 0, "", "proc:hip_replacement", ""),
	APPENDECTOMY(Kind.SERVICE, service("331003001"), "阑尾切除术", 120_000, 130_000, 0, "", "proc:appendectomy", ""),
	DELIVERY(Kind.SERVICE, service("331501001"), "单胎顺产接生", 80_000, 85_000, 0, "", "proc:delivery", ""),
	EGFR_TEST(Kind.SERVICE, service("250700024"), "EGFR基因突变检测", 120_000, 130_000, 0, "C34", "genetic_test", ""),
	CYP2C19_TEST(Kind.SERVICE, service("250700031"), "CYP2C19基因分型检测", 50_000, 55_000, 0, "", "genetic_test", ""),
	MTHFR_TEST(Kind.SERVICE, service("250700032"), "MTHFR基因多态性检测", 30_000, 32_000, 0, "", "genetic_test", ""),
	NIPT(Kind.SERVICE, service("250700040"), "胎儿染色体非整倍体无创基因检测", 90_000, 95_000, 0, "Z34;O", "genetic_test", ""),
	GENE_PANEL(Kind.SERVICE, service("250700050"), "肿瘤易感基因检测", 150_000, -1, 0, "", "genetic_test", ""),

	// drugs: 23-character national codes starting X (western) or Z (Chinese patent medicine)
	AMLODIPINE(Kind.DRUG, drug('X', "C08CA", 11), "苯磺酸氨氯地平片(5mg*28片)", 1_250, 1_300, 0, "", "", ""),
	METFORMIN(Kind.DRUG, drug('X', "A10BA", 12), "盐酸二甲双胍片(0.5g*20片)", 300, 350, 0, "", "", ""),
	GLARGINE(Kind.DRUG, drug('X', "A10AE", 13), "甘精胰岛素注射液(3ml:300单位)", 7_800, 8_000, 6, "E10;E11", "", ""),
	ATORVASTATIN(Kind.DRUG, drug('X', "C10AA", 14), "阿托伐他汀钙片(20mg*7片)", 500, 600, 0, "", "", ""),
	ASPIRIN(Kind.DRUG, drug('X', "B01AC", 15), "阿司匹林肠溶片(100mg*30片)", 1_500, -1, 0, "", "", ""),
	CLOPIDOGREL(Kind.DRUG, drug('X', "B01AC", 16), "硫酸氢氯吡格雷片(75mg*7片)", 1_200, 1_300, 0, "I20;I21;I25;I63", "", ""),
	CEFTRIAXONE(Kind.DRUG, drug('X', "J01DD", 17), "注射用头孢曲松钠(1g)", 600, 700, 0, "", "", ""),
	LEVOFLOXACIN(Kind.DRUG, drug('X', "J01MA", 18), "左氧氟沙星片(0.5g*4片)", 900, 1_000, 0, "", "", ""),
	AMOXICILLIN(Kind.DRUG, drug('X', "J01CA", 19), "阿莫西林胶囊(0.25g*24粒)", 800, 900, 3, "", "", ""),
	OMEPRAZOLE(Kind.DRUG, drug('X', "A02BC", 20), "奥美拉唑肠溶胶囊(20mg*14粒)", 700, 800, 0, "", "", ""),
	IBUPROFEN(Kind.DRUG, drug('X', "M01AE", 21), "布洛芬缓释胶囊(0.3g*20粒)", 1_200, -1, 0, "", "", ""),
	DICLOFENAC(Kind.DRUG, drug('X', "M01AB", 22), "双氯芬酸钠缓释片(75mg*10片)", 900, -1, 0, "", "", ""),
	SALINE(Kind.DRUG, drug('X', "B05BB", 23), "0.9%氯化钠注射液(250ml:2.25g)", 450, 500, 0, "", "", ""),
	AMINO_ACIDS(Kind.DRUG, drug('X', "B05BA", 24), "复方氨基酸注射液(18AA-Ⅱ, 250ml)", 3_500, -1, 0, "", "", ""),
	HEPARIN(Kind.DRUG, drug('X', "B01AB", 25), "肝素钠注射液(2ml:12500单位)", 1_200, 1_500, 0, "", "", ""),
	EPOETIN(Kind.DRUG, drug('X', "B03XA", 26), "重组人促红素注射液(10000IU)", 9_000, 9_500, 3, "N18;N17", "", ""),
	ALBUMIN(Kind.DRUG, drug('X', "B05AA", 38), "人血白蛋白(10g)", 38_000, 40_000, 0, "", "", ""),
	IRON_SUCROSE(Kind.DRUG, drug('X', "B03AC", 27), "蔗糖铁注射液(5ml:100mg)", 4_800, -1, 0, "", "", ""),
	GEFITINIB(Kind.DRUG, drug('X', "L01EB", 28), "吉非替尼片(0.25g*10片)", 54_700, 55_000, 3, "C34", "", ""),
	PEMETREXED(Kind.DRUG, drug('X', "L01BA", 29), "注射用培美曲塞二钠(0.5g)", 79_900, 80_000, 0, "C34", "", ""),
	OXYTOCIN(Kind.DRUG, drug('X', "H01BB", 30), "缩宫素注射液(1ml:10单位)", 300, -1, 0, "O", "", ""),
	TIOTROPIUM(Kind.DRUG, drug('X', "R03BB", 31), "噻托溴铵粉吸入剂(18μg*10粒)", 4_500, 5_000, 0, "", "", ""),
	BUTYLPHTHALIDE(Kind.DRUG, drug('X', "N07XX", 32), "丁苯酞软胶囊(0.1g*24粒)", 14_000, 15_000, 0, "", "", ""),
	NITROGLYCERIN(Kind.DRUG, drug('X', "C01DA", 33), "硝酸甘油片(0.5mg*100片)", 1_000, -1, 0, "", "", ""),
	LIANHUA(Kind.DRUG, drug('Z', "A01AB", 34), "连花清瘟胶囊(0.35g*24粒)", 1_500, 1_600, 4, "", "", ""),
	DANSHEN(Kind.DRUG, drug('Z', "C01AA", 35), "复方丹参滴丸(27mg*180丸)", 2_600, -1, 0, "", "", ""),
	BANLANGEN(Kind.DRUG, drug('Z', "A01AA", 36), "板蓝根颗粒(\"无糖型\" 3g*20袋)", 1_200, -1, 0, "", "", ""),
	XUESAITONG(Kind.DRUG, drug('Z', "C04BA", 37), "注射用血塞通(冻干)(200mg)", 2_500, 2_800, 0, "I63", "", ""),

	// consumables: 20- or 27-character national codes starting C (医用耗材)
	INFUSION_SET(Kind.CONSUMABLE, consumable("1401", 1, false), "一次性使用输液器", 250, 300, 0, "", "", ""),
	SYRINGE(Kind.CONSUMABLE, consumable("1401", 2, false), "一次性使用无菌注射器", 50, -1, 0, "", "", ""),
	CATHETER(Kind.CONSUMABLE, consumable("1403", 3, false), "一次性使用导尿管", 1_500, -1, 0, "", "", ""),
	DIALYSER(Kind.CONSUMABLE, consumable("0901", 4, true), "一次性使用血液透析器", 11_000, 11_500, 0, "N18;N17", "dialysis", ""),
	DIALYSIS_LINES(Kind.CONSUMABLE, consumable("0901", 5, false), "一次性使用血液透析管路", 6_000, 6_500, 0, "", "", ""),
	STENT_A(Kind.CONSUMABLE, consumable("0201", 6, true), "冠状动脉药物洗脱支架系统(钴铬合金)", 46_900, 48_000, 4,
			"I20;I21;I25", "hvmc", "proc:pci"),
	STENT_B(Kind.CONSUMABLE, consumable("0201", 7, true), "冠状动脉药物洗脱支架系统(铂铬合金)", 64_500, 66_000, 4,
			"I20;I21;I25", "hvmc", "proc:pci"),
	STENT_C(Kind.CONSUMABLE, consumable("0201", 8, true), "冠状动脉雷帕霉素洗脱支架系统", 77_500, 79_800, 4, "I20;I21;I25",
			"hvmc", "proc:pci"),
	BALLOON(Kind.CONSUMABLE, consumable("0202", 9, true), "PTCA球囊扩张导管", 27_000, 28_000, 3, "", "hvmc", "proc:pci"),
	GUIDEWIRE_A(Kind.CONSUMABLE, consumable("0203", 10, false), "冠脉导引导丝(亲水涂层)", 22_600, 36_000, 0, "", "hvmc",
			"proc:pci;proc:cag"),
	GUIDEWIRE_B(Kind.CONSUMABLE, consumable("0203", 11, false), "冠脉导引导丝(超滑)", 35_800, 36_000, 0, "", "hvmc",
			"proc:pci;proc:cag"),
	CENTRAL_LINE(Kind.CONSUMABLE, consumable("0204", 14, false), "一次性使用中心静脉导管包", 38_000, 40_000, 0, "", "hvmc", ""),
	PICC(Kind.CONSUMABLE, consumable("0204", 15, true), "经外周置入中心静脉导管(PICC)套件", 118_000, 125_000, 0, "", "hvmc", ""),
	DIALYSIS_CATHETER(Kind.CONSUMABLE, consumable("0905", 16, false), "血液透析用中心静脉导管", 62_000, 65_000, 0, "N18;N17",
			"hvmc", ""),
	TROCAR(Kind.CONSUMABLE, consumable("1002", 17, true), "一次性使用腹腔镜穿刺器", 35_000, 38_000, 3, "", "hvmc",
			"proc:appendectomy"),
	HIP_PROSTHESIS_A(Kind.CONSUMABLE, consumable("0301", 12, true), "人工髋关节假体(陶瓷-聚乙烯)", 710_000, 730_000, 1, "", "hvmc",
			"proc:hip_replacement"),
	HIP_PROSTHESIS_B(Kind.CONSUMABLE, consumable("0301", 13, true), "人工髋关节假体(金属-聚乙烯)", 648_000, 660_000, 1, "", "hvmc",
			"proc:hip_replacement"),

	// knowledge-base items (interchange 1.1, see KnowledgeBase): billed only where a case of a knowledge-base rule is
	// injected, so that the background stays clear of their restrictions; appended last so that no earlier item's
	// ordinal moves
	PSA(Kind.SERVICE, service("250310030"), "前列腺特异性抗原测定(PSA)", 6_000, 6_000, 0, "", "", ""),
	COLPOSCOPY(Kind.SERVICE, service("311201003"), "阴道镜检查", 8_000, 8_000, 0, "", "", ""),
	PAEDIATRIC_SYRUP(Kind.DRUG, drug('X', "R05CB", 41), "小儿止咳糖浆(100ml)", 1_800, 2_000, 0, "", "", ""),
	CHILD_GROWTH(Kind.SERVICE, service("310000901"), "儿童生长发育评估", 3_000, 3_000, 0, "", "", ""),
	GERIATRIC_ASSESSMENT(Kind.SERVICE, service("310000902"), "老年综合评估", 5_000, 5_000, 0, "", "", ""),
	FIRST_NURSING(Kind.SERVICE, service("120100004"), "Ⅰ级护理", 5_000, 5_000, 0, "", "", ""),
	CBC_CRP(Kind.SERVICE, service("250101016"), "血常规+C反应蛋白联合检测", 3_500, 3_500, 0, "", "", ""),
	IM_INJECTION(Kind.SERVICE, service("121300003"), "肌肉注射", 300, 300, 0, "", "", "");

	enum Kind {
		DRUG, SERVICE, CONSUMABLE;

		String csv() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	static final Item[] ALL = values();

	final Kind kind;
	final String code;
	final String label;
	final long price;
	/** Highest unit price the fund accepts, cents; -1 for none. */
	final long ceiling;
	/** Highest quantity per settlement, whole units; 0 for none. */
	final int maxQty;
	final String restrict;
	final String tags;
	final String requires;
	final String[] restrictPrefixes;
	final String[] requiredTags;
	private final String[] tagList;
	final boolean hvmc;
	final boolean dialysis;
	final boolean genetic;

	Item(Kind kind, String code, String label, long price, long ceiling, int maxQty, String restrict, String tags,
			String requires) {
		this.kind = kind;
		this.code = code;
		this.label = label;
		this.price = price;
		this.ceiling = ceiling;
		this.maxQty = maxQty;
		this.restrict = restrict;
		this.tags = tags;
		this.requires = requires;
		this.restrictPrefixes = restrict.isEmpty() ? new String[0] : restrict.split(";");
		this.requiredTags = requires.isEmpty() ? new String[0] : requires.split(";");
		this.tagList = tags.isEmpty() ? new String[0] : tags.split(";");
		this.hvmc = hasTag("hvmc");
		this.dialysis = hasTag("dialysis");
		this.genetic = hasTag("genetic_test");
	}

	boolean hasTag(String tag) {
		for (String t : tagList) {
			if (t.equals(tag)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the fund pays for this item under the diagnosis (no restriction, or a matching prefix). */
	boolean allowedFor(String diagCode) {
		if (restrictPrefixes.length == 0) {
			return true;
		}
		for (String prefix : restrictPrefixes) {
			if (diagCode.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	boolean limited() {
		return maxQty > 0;
	}

	private static String service(String nine) {
		return nine + "000000";
	}

	/** Kind letter, ATC group, then dosage-form and serial digits: 23 characters. */
	private static String drug(char kind, String atc, int serial) {
		return kind + atc + String.format(Locale.ROOT, "E%03dA%03d%09d", serial, serial * 37 % 1000, 101_010_000L + serial);
	}

	/** C, the 4-digit category, then 15 (20-character code) or 22 (27-character code) digits. */
	private static String consumable(String category, int serial, boolean long27) {
		String base = "C" + category + String.format(Locale.ROOT, "%015d", 300_100_000_000L + serial * 7_919L);
		return long27 ? base + String.format(Locale.ROOT, "%07d", 1_000_000 + serial * 31) : base;
	}
}
