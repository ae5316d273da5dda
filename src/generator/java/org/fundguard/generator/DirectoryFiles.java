package org.fundguard.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/** The files that are not streamed per person: the provider list, the catalogue, the inspectors and the ledger. */
final class DirectoryFiles {

	private DirectoryFiles() {
	}

	static long providers(Path dir, ProviderDirectory directory, BadRows bad) throws IOException {
		try (CsvFile f = new CsvFile(dir, "providers.csv", false, "provider_code", "provider_name", "provider_type",
				"region", "level", "agreement_status", "agreement_start")) {
			for (Provider p : directory.providers) {
				f.add(p.code).add(p.name).add(p.tier.type).add(p.region()).add(p.tier.level).add(p.agreementStatus)
					.add(LocalDate.ofEpochDay(p.agreementStartDay).toString())
					.end();
			}
			long valid = f.dataRows();
			bad.providers(f);
			return valid;
		}
	}

	static long items(Path dir, BadRows bad) throws IOException {
		try (CsvFile f = new CsvFile(dir, "items.csv", true, "item_code", "item_name", "item_type", "price_ceiling",
				"max_qty_per_visit", "restrict_diag", "tags", "requires_tag", "gender_only", "min_age", "max_age", "med_types",
				"max_qty_per_day", "exclusive_with")) {
			for (Item item : Item.ALL) {
				f.add(item.code).add(item.label).add(item.kind.csv());
				if (item.ceiling >= 0) {
					f.money(item.ceiling);
				}
				else {
					f.add(null);
				}
				f.add(item.limited() ? Integer.toString(item.maxQty) : null).add(item.restrict).add(item.tags)
					.add(item.requires);
				for (String cell : KnowledgeBase.cells(item)) {
					f.add(cell);
				}
				f.end();
			}
			long valid = f.dataRows();
			bad.items(f);
			return valid;
		}
	}

	static long inspectors(Path dir, ProviderDirectory directory, long seed) throws IOException {
		try (CsvFile f = new CsvFile(dir, "inspectors.csv", false, "inspector_id", "name", "unit", "region",
				"certificate_no", "active", "conflicts")) {
			return InspectorPool.write(f, directory, seed);
		}
	}

	static long ledger(Path dir, FundLedger ledger, ExportPeriod period) throws IOException {
		try (CsvFile f = new CsvFile(dir, "fund_ledger.csv", false, "region", "insurance_type", "month", "income",
				"opening_balance")) {
			for (FundLedger.Row r : ledger.rows) {
				f.add(FundBook.region(r.fund()).pooling).add(FundBook.insuranceType(r.fund()))
					.add(period.yearMonth(r.month()).toString()).money(r.income()).money(r.opening())
					.end();
			}
			return f.dataRows();
		}
	}
}
