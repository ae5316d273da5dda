package org.fundguard.inspections;

/** A drawn institution has fewer eligible inspectors than a team needs: the draw stops and keeps nothing. */
public class NotEnoughInspectors extends DrawStopped {

	public NotEnoughInspectors(String code, String name, int needed, int eligible) {
		super("inspections.draw.not-enough-inspectors", code, name, needed, eligible);
	}

	/** The same in a cross-city draw: the message says that only inspectors of other cities than {@code city} count. */
	public NotEnoughInspectors(String code, String name, String city, int needed, int eligible) {
		super("inspections.draw.not-enough-other-city-inspectors", code, name, city, needed, eligible);
	}
}
