package org.fundguard.generator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue's knowledge-base restrictions (interchange 1.1: 限性别, 限年龄, 限就医方式, 超频次, 互斥), and the
 * parameters of the ten knowledge-base rules as domain.md defaults them. The background bills the restricted items
 * only within their restrictions (ward items only in stays, a bed and a ward round once a day, the delivery for
 * women), and the new items not at all; cases are injected by {@link KnowledgeBaseInjections}.
 */
final class KnowledgeBase {

	/** minor-illness-admission's prefixes (小病大治). */
	static final List<String> MINOR_ILLNESS_PREFIXES = List.of("J00", "J06", "K30", "R51", "M54.5");
	/** split-outpatient: more than N general-outpatient settlements a day at one provider. */
	static final int SPLIT_N = 2;
	/** enrolled-after-death: coverage ending more than G days after the death. */
	static final int DEATH_GRACE_DAYS = 30;

	/** One item's restrictions; null or empty for none. */
	record Restriction(Integer genderOnly, Integer minAge, Integer maxAge, List<String> medTypes, Integer maxPerDay,
			List<Item> exclusiveWith) {

		boolean allowsGender(int gender) {
			return genderOnly == null || genderOnly == gender;
		}

		boolean allowsAge(int age) {
			return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
		}

		boolean allowsMedType(String code) {
			return medTypes.isEmpty() || medTypes.contains(code);
		}
	}

	private static final Restriction NONE = new Restriction(null, null, null, List.of(), null, List.of());
	private static final Map<Item, Restriction> RESTRICTIONS = new EnumMap<>(Item.class);

	static {
		List<String> inpatient = List.of(Visit.MedType.INPATIENT.code);
		put(Item.BED, new Restriction(null, null, null, inpatient, 1, List.of()));
		put(Item.WARD_ROUND, new Restriction(null, null, null, inpatient, 1, List.of()));
		put(Item.NURSING, new Restriction(null, null, null, inpatient, null, List.of(Item.FIRST_NURSING)));
		put(Item.FIRST_NURSING, new Restriction(null, null, null, inpatient, null, List.of(Item.NURSING)));
		put(Item.DELIVERY, new Restriction(2, null, null, inpatient, null, List.of()));
		put(Item.NIPT, new Restriction(2, null, null, List.of(), null, List.of()));
		put(Item.PSA, new Restriction(1, null, null, List.of(), null, List.of()));
		put(Item.COLPOSCOPY, new Restriction(2, 14, null, List.of(), null, List.of()));
		put(Item.PAEDIATRIC_SYRUP, new Restriction(null, null, 17, List.of(), null, List.of()));
		put(Item.CHILD_GROWTH, new Restriction(null, null, 6, List.of("11", "14"), null, List.of()));
		put(Item.GERIATRIC_ASSESSMENT, new Restriction(null, 65, null, List.of(), null, List.of()));
		// named on one side only: the relation holds all the same
		put(Item.CBC_CRP, new Restriction(null, null, null, List.of(), null, List.of(Item.BLOOD_COUNT)));
		put(Item.IM_INJECTION, new Restriction(null, null, null, List.of(), 3, List.of()));
	}

	private KnowledgeBase() {
	}

	private static void put(Item item, Restriction r) {
		RESTRICTIONS.put(item, r);
	}

	static Restriction of(Item item) {
		return RESTRICTIONS.getOrDefault(item, NONE);
	}

	/** Whether the two items may not be billed in one settlement: either names the other. */
	static boolean exclusive(Item a, Item b) {
		return of(a).exclusiveWith().contains(b) || of(b).exclusiveWith().contains(a);
	}

	/** The six 1.1 cells of an item's row in items.csv, empty where it has no restriction. */
	static String[] cells(Item item) {
		Restriction r = of(item);
		List<String> codes = new ArrayList<>();
		for (Item other : r.exclusiveWith()) {
			codes.add(other.code);
		}
		return new String[] { text(r.genderOnly()), text(r.minAge()), text(r.maxAge()), String.join(";", r.medTypes()),
				text(r.maxPerDay()), String.join(";", codes) };
	}

	private static String text(Integer value) {
		return value == null ? "" : value.toString();
	}
}
