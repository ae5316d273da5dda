package org.fundguard.generator;

/**
 * One designated institution (定点医药机构) with the targets the generator steers it to: how busy it is, how
 * inclined to admit patients and to serve insured persons from elsewhere, how often it orders genetic tests and
 * how much high-value consumable it uses per admission. Background targets sit in narrow, evenly spread ranges per
 * peer group, so that no background provider is a robust-z outlier; an injected outlier gets one target far out.
 */
final class Provider {

	final int index;
	final String code;
	final String name;
	final Tier tier;
	final Prefecture prefecture;
	final Prefecture.District district;
	final String agreementStatus;
	final int agreementStartDay;

	/** Relative share of its peer group's visits. */
	double volume = 1;
	/** Relative propensity to admit (inpatient settlements per outpatient one), against its peers. */
	double inpatientWeight;
	/** Relative propensity to serve persons insured in another pooling region. */
	double outOfAreaWeight = 1;
	/** Share of its settlements that carry a genetic test. */
	double geneticShare;
	/** High-value consumables (cents) per inpatient settlement. */
	long hvmcPerInpatient;
	boolean dialysis;
	boolean pci;
	boolean hip;
	/** The rule id this provider is an injected outlier for, or null. */
	String outlierRule;

	Provider(int index, String code, String name, Tier tier, Prefecture prefecture, Prefecture.District district,
			String agreementStatus, int agreementStartDay) {
		this.index = index;
		this.code = code;
		this.name = name;
		this.tier = tier;
		this.prefecture = prefecture;
		this.district = district;
		this.agreementStatus = agreementStatus;
		this.agreementStartDay = agreementStartDay;
	}

	boolean routable() {
		return agreementStatus.equals("active");
	}

	/** Where the institution is, as 6-digit district code. */
	String region() {
		return district.code();
	}

	/** The pooling region that is the place of treatment (就医地) on its settlements. */
	String medicalRegion() {
		return prefecture.pooling;
	}

	/** Service prices follow the grade (分级定价); drugs and consumables are sold at purchase price (零差率). */
	double serviceFactor() {
		return switch (tier) {
			case H3 -> 1.0;
			case H2 -> 0.92;
			case H1, H0 -> 0.85;
			case CLINIC, PHARMACY -> 0.8;
		};
	}

	@Override
	public String toString() {
		return code;
	}
}
