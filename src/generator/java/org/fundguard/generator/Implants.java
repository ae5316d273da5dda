package org.fundguard.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The ways a stay can use high-value consumables (高值医用耗材): coronary angiography, PTCA or stenting, hip
 * replacement, central venous lines, PICC, dialysis catheters, laparoscopic trocars, each with its consumable
 * amount. The plan says how much is due; the option closest to that is billed, so a hospital's amount per
 * admission ends within about half a central line of its target.
 */
final class Implants {

	record Option(Item procedure, Item[] consumables, int[] units, long hvmcAmount, boolean implant) {
	}

	private static final List<Option> CORONARY = coronary(3);
	private static final List<Option> CORONARY_OVERUSE = coronary(4);
	private static final List<Option> HIP = List.of(
			option(Item.HIP_REPLACEMENT, new Item[] { Item.HIP_PROSTHESIS_A }, new int[] { 1 }, true),
			option(Item.HIP_REPLACEMENT, new Item[] { Item.HIP_PROSTHESIS_B }, new int[] { 1 }, true));
	private static final List<Option> VENOUS = List.of(line(Item.CENTRAL_LINE, 1), line(Item.PICC, 1));
	private static final List<Option> RENAL = List.of(line(Item.DIALYSIS_CATHETER, 1), line(Item.CENTRAL_LINE, 1));
	private static final List<Option> LAPAROSCOPIC = List.of(line(Item.TROCAR, 1), line(Item.TROCAR, 2),
			line(Item.TROCAR, 3));

	private Implants() {
	}

	/** The options for a diagnosis at a provider; empty when the stay cannot use any. */
	static List<Option> options(Diagnosis dx, Provider p) {
		if (p.hvmcPerInpatient <= 0) {
			return List.of();
		}
		return switch (dx) {
			case CORONARY -> p.pci ? ProviderDirectory.HVMC_OUTLIER.equals(p.outlierRule) ? CORONARY_OVERUSE : CORONARY
					: List.of();
			case HIP_ARTHROSIS -> p.hip ? HIP : List.of();
			case PNEUMONIA, BRONCHOPNEUMONIA, COPD, COPD_EXACERBATION, STROKE, LUNG_CANCER -> VENOUS;
			case CKD5, ACUTE_KIDNEY_FAILURE -> RENAL;
			case APPENDICITIS -> LAPAROSCOPIC;
			default -> List.of();
		};
	}

	/** The option whose consumable amount is closest to what is due, or null when billing none is closer. */
	static Option choose(Claim c, long due) {
		List<Option> options = options(c.visit.diag, c.visit.provider);
		Option best = null;
		long bestError = Math.abs(due);
		for (Option o : options) {
			long error = Math.abs(due - o.hvmcAmount);
			if (error < bestError) {
				best = o;
				bestError = error;
			}
		}
		return best;
	}

	/**
	 * Bills the option. With {@code withoutProcedure} the implant is billed but its procedure is not (stents
	 * under a mere angiography, a prosthesis without the replacement): the missing-procedure pattern.
	 */
	static void bill(Claim c, Option o, int day, boolean withoutProcedure) {
		boolean coronary = o.procedure == Item.ANGIOGRAPHY || o.procedure == Item.PTCA || o.procedure == Item.STENTING;
		if (coronary) {
			c.add(Item.ANGIOGRAPHY, day, c.time(9, 11), 1);
		}
		if (o.procedure != null && o.procedure != Item.ANGIOGRAPHY && !withoutProcedure) {
			c.add(o.procedure, day, c.time(11, 13), 1);
		}
		for (int i = 0; i < o.consumables.length; i++) {
			c.add(o.consumables[i], day, c.time(11, 14), o.units[i]);
		}
	}

	private static List<Option> coronary(int maxStents) {
		List<Option> options = new ArrayList<>();
		for (Item wire : new Item[] { Item.GUIDEWIRE_A, Item.GUIDEWIRE_B }) {
			options.add(option(Item.ANGIOGRAPHY, new Item[] { wire }, new int[] { 1 }, false));
			options.add(option(Item.PTCA, new Item[] { wire, Item.BALLOON }, new int[] { 1, 1 }, false));
			for (Item stent : new Item[] { Item.STENT_A, Item.STENT_B, Item.STENT_C }) {
				for (int k = 1; k <= maxStents; k++) {
					options.add(option(Item.STENTING, new Item[] { wire, Item.BALLOON, stent }, new int[] { 1, 1, k },
							true));
				}
			}
		}
		return List.copyOf(options);
	}

	/** A consumable used without a procedure of its own (a line, a catheter, trocars of the case's operation). */
	private static Option line(Item item, int units) {
		return option(null, new Item[] { item }, new int[] { units }, false);
	}

	private static Option option(Item procedure, Item[] consumables, int[] units, boolean implant) {
		long amount = 0;
		for (int i = 0; i < consumables.length; i++) {
			amount += consumables[i].price * units[i];
		}
		return new Option(procedure, consumables, units, amount, implant);
	}
}
