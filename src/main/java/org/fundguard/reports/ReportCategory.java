package org.fundguard.reports;

/** What kind of fraud or irregular use is reported, in the words of Decree 735 Art. 38, 40 and 41. */
public enum ReportCategory {

	FAKE_TREATMENT("虚构医疗服务、伪造医疗文书或票据"),
	BED_OCCUPANCY("挂床住院、诱导住院、分解住院"),
	OVERTREATMENT("过度诊疗、过度检查、小病大治"),
	OVERCHARGING("重复收费、超标准收费、分解项目收费"),
	SWAPPED_ITEMS("串换药品、医用耗材、诊疗项目"),
	CARD_MISUSE("出借、冒用医保卡（医保凭证）"),
	DRUG_RESALE("倒卖医保药品"),
	DUPLICATE_BENEFITS("重复享受医保待遇、死亡未减员"),
	OTHER("其他违法违规使用医保基金行为");

	private final String label;

	ReportCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
