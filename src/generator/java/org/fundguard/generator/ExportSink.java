package org.fundguard.generator;

import java.io.IOException;

/** Where a pass puts what it makes: the files in the writing pass, nowhere in the measuring passes. */
interface ExportSink {

	ExportSink NONE = new ExportSink() {
	};

	default void person(Person p) throws IOException {
	}

	default void settlement(Claim c, long fundPaid, int settleSecond, String doctor) throws IOException {
	}

	default void truth(String rule, String key, String detail) throws IOException {
	}
}
