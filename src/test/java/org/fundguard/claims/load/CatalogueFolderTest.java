package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders are a catalogue import: items.csv and no other export file. */
class CatalogueFolderTest {

	private static final String ITEMS = "item_code,item_name,item_type\n001104000010000,血液透析,service\n";

	@TempDir
	Path temp;

	@Test
	void itemsAloneAreACatalogueImport() throws Exception {
		Path folder = write("only-items", "items.csv", ITEMS);
		Files.writeString(folder.resolve("readme.txt"), "not an export file");

		assertThat(new LoadFiles(folder, ExportReader.Limits.DEFAULT).catalogueOnly()).isTrue();
	}

	@Test
	void itemsWithSomeOtherExportFilesAreAnExportWithFilesMissing() throws Exception {
		Path folder = write("partial", "items.csv", ITEMS);
		Files.writeString(folder.resolve("providers.csv"), "provider_code,provider_name,provider_type,region,agreement_status\n");

		assertThatThrownBy(() -> new LoadFiles(folder, ExportReader.Limits.DEFAULT))
			.isInstanceOf(ExportReader.BadFile.class)
			.hasMessageContaining("persons.csv");
	}

	@Test
	void aWholeExportIsNoCatalogueImport() throws Exception {
		Path folder = write("whole", "items.csv", ITEMS);
		Files.writeString(folder.resolve("providers.csv"), "provider_code,provider_name,provider_type,region,agreement_status\n");
		Files.writeString(folder.resolve("persons.csv"),
				"person_id,id_number,gender,birth_date,insured_region,insurance_type,enroll_date\n");
		Files.writeString(folder.resolve("settlements.csv"), "settlement_id,person_id,provider_code,medical_region,"
				+ "insured_region,med_type,visit_start,visit_end,settle_time,diag_code,total_amount,fund_paid,self_paid\n");
		Files.writeString(folder.resolve("fee_items.csv"),
				"settlement_id,line_no,item_time,item_code,quantity,unit_price,amount\n");

		assertThat(new LoadFiles(folder, ExportReader.Limits.DEFAULT).catalogueOnly()).isFalse();
	}

	private Path write(String name, String file, String text) throws IOException {
		Path folder = Files.createDirectories(temp.resolve(name));
		Files.writeString(folder.resolve(file), text);
		return folder;
	}
}
