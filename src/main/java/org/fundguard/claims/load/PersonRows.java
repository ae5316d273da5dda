package org.fundguard.claims.load;

import java.time.LocalDate;
import org.fundguard.claims.IdNumber;

/** persons.csv: each row checked on its own; duplicate keys are found by the load's key store. */
final class PersonRows {

	private PersonRows() {
	}

	record Person(String personId, String idNumber, String name, String gender, LocalDate birthDate, String insuredRegion,
			String insuranceType, LocalDate enrollDate, LocalDate endDate, LocalDate deathDate, boolean assisted) {
	}

	static Person person(Row row) throws BadValue {
		String personId = row.required("person_id");
		if (personId.length() > 30) {
			throw new BadValue("person_id", "longer than 30 characters");
		}
		String idNumber = row.required("id_number");
		var problem = IdNumber.problem(idNumber);
		if (problem.isPresent()) {
			// the value itself is personal data: the report names the problem, not the number
			throw new BadValue("id_number", "not a valid resident identity number: " + problem.get());
		}
		LocalDate birthDate = row.date("birth_date", true);
		if (!IdNumber.birthDate(idNumber).orElseThrow().equals(birthDate)) {
			throw new BadValue("birth_date", birthDate + " does not agree with the birth date inside id_number");
		}
		return new Person(personId, idNumber, row.text("name"), row.oneOf("gender", true, "1", "2"), birthDate,
				row.region("insured_region"), row.oneOf("insurance_type", true, "310", "390"), row.date("enroll_date", true),
				row.date("end_date", false), row.date("death_date", false), "1".equals(row.oneOf("assisted", false, "1", "0")));
	}
}
