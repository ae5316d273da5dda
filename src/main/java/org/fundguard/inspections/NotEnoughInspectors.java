package org.fundguard.inspections;

/** A drawn institution has fewer eligible inspectors than a team needs: the draw stops and keeps nothing. */
public class NotEnoughInspectors extends DrawStopped {

	public NotEnoughInspectors(String code, String name, int needed, int eligible) {
		super("inspections.draw.not-enough-inspectors", code, name, needed, eligible);
	}
}
