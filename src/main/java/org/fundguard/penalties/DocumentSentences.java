package org.fundguard.penalties;

import java.util.regex.Pattern;

/**
 * Joins what users wrote (findings, a defence, a hearing record) into a document's sentences. Users end their text
 * with a full stop or not, as they like; the document adds its own punctuation after it, so a user's own final
 * punctuation is dropped first: "第三十八条。，造成" and "放弃陈述申辩。。" had been printed in decisions.
 */
final class DocumentSentences {

	private static final Pattern TRAILING = Pattern.compile("[\\s。．.，,、；;：:！!？?]+$");

	private DocumentSentences() {
	}

	/** The text without its closing punctuation, to be followed by the document's own ("…，造成…"). */
	static String clause(String text) {
		return text == null ? null : TRAILING.matcher(text.strip()).replaceAll("");
	}

	/** The text as one sentence ending in exactly one full stop. */
	static String sentence(String text) {
		return text == null ? null : clause(text) + "。";
	}
}
