package org.fundguard.claims.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The reference files, providers.csv and items.csv: small enough to keep whole in memory during a load. */
final class CatalogRows {

	private static final Pattern PROVIDER_CODE = Pattern.compile("[HP]\\d{11}");
	private static final Pattern ITEM_CODE = Pattern.compile("[A-Z0-9]+");

	private CatalogRows() {
	}

	record Provider(String code, String name, String type, String region, String level, String agreementStatus,
			LocalDate agreementStart) {

		/** The same provider with the agreement status FundGuard's own measures put in force (suspension by a case). */
		Provider withAgreementStatus(String status) {
			return status == null || status.equals(agreementStatus) ? this
					: new Provider(code, name, type, region, level, status, agreementStart);
		}
	}

	record Item(String code, String name, String type, BigDecimal priceCeiling, BigDecimal maxQtyPerVisit,
			List<String> restrictDiag, List<String> tags, List<String> requiresTag, Restrictions restrictions) {

		/** A version 1 item: no knowledge-base restriction. */
		Item(String code, String name, String type, BigDecimal priceCeiling, BigDecimal maxQtyPerVisit,
				List<String> restrictDiag, List<String> tags, List<String> requiresTag) {
			this(code, name, type, priceCeiling, maxQtyPerVisit, restrictDiag, tags, requiresTag, Restrictions.NONE);
		}

		/** Whether the settlement's diagnosis lets the fund pay for this item (限定支付范围). */
		boolean payableFor(String diagCode) {
			return restrictDiag.isEmpty() || restrictDiag.stream().anyMatch(diagCode::startsWith);
		}
	}

	static Provider provider(Row row) throws BadValue {
		String code = row.required("provider_code");
		if (!PROVIDER_CODE.matcher(code).matches()) {
			throw new BadValue("provider_code", "'" + code + "' is not H or P followed by 11 digits (region + sequence)");
		}
		String type = row.oneOf("provider_type", true, "hospital", "clinic", "pharmacy");
		if (type.equals("pharmacy") != code.startsWith("P")) {
			throw new BadValue("provider_code", "'" + code + "': pharmacies have codes starting P, other institutions H");
		}
		return new Provider(code, row.required("provider_name"), type, row.region("region"),
				row.oneOf("level", false, "3", "2", "1", "0"),
				row.oneOf("agreement_status", true, "active", "suspended", "terminated"), row.date("agreement_start", false));
	}

	/**
	 * One row of items.csv.
	 *
	 * @param itemCodesInFile every item_code that appears on a row of the file, see {@link Restrictions#read}
	 */
	static Item item(Row row, java.util.function.Predicate<String> itemCodesInFile) throws BadValue {
		String code = row.required("item_code");
		String type = row.oneOf("item_type", true, "drug", "service", "consumable");
		checkItemCode(code, type);
		BigDecimal ceiling = row.money("price_ceiling", false);
		BigDecimal maxQty = row.text("max_qty_per_visit") == null ? null : row.quantity("max_qty_per_visit");
		return new Item(code, row.required("item_name"), type, ceiling, maxQty, list(row.text("restrict_diag")),
				list(row.text("tags")), list(row.text("requires_tag")), Restrictions.read(row, itemCodesInFile));
	}

	private static void checkItemCode(String code, String type) throws BadValue {
		boolean ok = ITEM_CODE.matcher(code).matches() && switch (type) {
			case "drug" -> code.length() == 23 && (code.charAt(0) == 'X' || code.charAt(0) == 'Z');
			case "consumable" -> (code.length() == 20 || code.length() == 27) && code.charAt(0) == 'C';
			default -> code.length() == 15;
		};
		if (!ok) {
			String rule = switch (type) {
				case "drug" -> "drug codes have 23 characters and start with X or Z";
				case "consumable" -> "consumable codes have 20 or 27 characters and start with C";
				default -> "service codes have 15 characters";
			};
			throw new BadValue("item_code", "'" + code + "': " + rule);
		}
	}

	static List<String> list(String semicolonSeparated) {
		if (semicolonSeparated == null) {
			return List.of();
		}
		return Arrays.stream(semicolonSeparated.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}
}
