package org.fundguard.inspections;

import java.time.LocalDate;
import java.util.Map;

/**
 * Extra draw weight of institutions, decided outside inspections (the credit grade: a grade D institution is drawn
 * more often). The directory multiplies each institution's weight by its factor, so the factor is part of the
 * published directory and a draw stays verifiable.
 */
public interface DrawWeights {

	/** A factor ≥ 1 per provider code on the day the directory is frozen; an absent code has factor 1. */
	Map<String, Long> factorsOn(LocalDate day);
}
