package org.fundguard.generator;

/**
 * One planned visit, admission or purchase: it becomes one settlement. The role says which injected pattern (or
 * decoy) it belongs to; the partner is the other settlement of that pattern (the stay it falls into, the stay it
 * overlaps or follows).
 */
final class Visit {

	enum MedType {
		GENERAL("11"), CHRONIC("14"), INPATIENT("21"), PHARMACY("41");

		final String code;

		MedType(String code) {
			this.code = code;
		}
	}

	enum Role {
		BACKGROUND, READMISSION, OVERLAP, DURING_STAY, AFTER_DEATH, DIALYSIS_EXTRA, DECOY
	}

	final MedType type;
	final int start;
	int end;
	Diagnosis diag;
	Provider provider;
	boolean outOfArea;
	boolean dialysisSession;
	Role role = Role.BACKGROUND;
	Visit partner;
	/** Creation order within the person, the last tie-breaker when sorting. */
	int order;
	String settlementId;
	/** Lines a crafted knowledge-base case adds to the usual bill; null for every background visit. */
	java.util.function.Consumer<Claim> extraLines;

	Visit(MedType type, int start, int end, Diagnosis diag) {
		this.type = type;
		this.start = start;
		this.end = end;
		this.diag = diag;
	}

	boolean inpatient() {
		return type == MedType.INPATIENT;
	}

	/** Inside the stay, admission and discharge day included. */
	boolean covers(int day) {
		return day >= start && day <= end;
	}

	/** Strictly inside the stay: after the admission day and before the discharge day. */
	boolean strictlyCovers(int day) {
		return day > start && day < end;
	}
}
