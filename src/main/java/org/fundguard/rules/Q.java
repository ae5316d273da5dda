package org.fundguard.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.TextNode;

/** Elasticsearch query JSON, written as text: the few query shapes the rules use. */
final class Q {

	private Q() {
	}

	/**
	 * A JSON string. Ids, codes and dates need no escaping and are quoted as they are: going through Jackson for each
	 * of the ~100,000 person ids of an outpatient-during-stay request took a tenth of a second of the rule's time.
	 */
	static String str(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
				return TextNode.valueOf(s).toString();
			}
		}
		return '"' + s + '"';
	}

	static String filter(String... filters) {
		return "{\"bool\":{\"filter\":[" + String.join(",", Arrays.stream(filters).filter(f -> f != null).toList()) + "]}}";
	}

	static String filterNot(String must, String mustNot) {
		return "{\"bool\":{\"filter\":[" + must + "],\"must_not\":[" + mustNot + "]}}";
	}

	static String term(String field, String value) {
		return "{\"term\":{\"" + field + "\":" + str(value) + "}}";
	}

	static String term(String field, boolean value) {
		return "{\"term\":{\"" + field + "\":" + value + "}}";
	}

	static String terms(String field, Collection<String> values) {
		return "{\"terms\":{\"" + field + "\":[" + values.stream().map(Q::str).collect(Collectors.joining(",")) + "]}}";
	}

	static String exists(String field) {
		return "{\"exists\":{\"field\":\"" + field + "\"}}";
	}

	static String days(String field, LocalDate from, LocalDate to) {
		return "{\"range\":{\"" + field + "\":{\"gte\":\"" + from + "\",\"lte\":\"" + to + "\"}}}";
	}

	static String gt(String field, double value) {
		return "{\"range\":{\"" + field + "\":{\"gt\":" + value + "}}}";
	}

	static String gte(String field, double value) {
		return "{\"range\":{\"" + field + "\":{\"gte\":" + value + "}}}";
	}

	static String onOrBefore(String field, LocalDate day) {
		return "{\"range\":{\"" + field + "\":{\"lte\":\"" + day + "\"}}}";
	}

	static String onOrAfter(String field, LocalDate day) {
		return "{\"range\":{\"" + field + "\":{\"gte\":\"" + day + "\"}}}";
	}

	/** A sort by the fields, each ascending: {@code [{"a":"asc"},{"b":"asc"}]}. */
	static String ascending(String... fields) {
		return Arrays.stream(fields).map(f -> "{\"" + f + "\":\"asc\"}").collect(Collectors.joining(",", "[", "]"));
	}

	/** A list of field names, as {@code _source} takes it: {@code ["a","b"]}. */
	static String fields(String... fields) {
		return Arrays.stream(fields).map(f -> "\"" + f + "\"").collect(Collectors.joining(",", "[", "]"));
	}

	/** A composite aggregation's source: the field's values, as {@code name} in the bucket key. */
	static String termsSource(String name, String field) {
		return "{\"" + name + "\":{\"terms\":{\"field\":\"" + field + "\"}}}";
	}

	/** As {@link #termsSource}, with a bucket (key null) for documents without the field. */
	static String termsSourceOrMissing(String name, String field) {
		return "{\"" + name + "\":{\"terms\":{\"field\":\"" + field + "\",\"missing_bucket\":true}}}";
	}

	/** The sum of a field, as an aggregation. */
	static String sum(String field) {
		return "{\"sum\":{\"field\":\"" + field + "\"}}";
	}

	/** A keyword starting with one of the prefixes; no prefixes means no restriction. */
	static String prefixes(String field, Collection<String> prefixes) {
		if (prefixes == null || prefixes.isEmpty()) {
			return null;
		}
		return "{\"bool\":{\"should\":[" + prefixes.stream().map(p -> "{\"prefix\":{\"" + field + "\":" + str(p) + "}}")
			.collect(Collectors.joining(",")) + "],\"minimum_should_match\":1}}";
	}

	/** At least one of the clauses; null (no restriction) when there are none, so callers must check for that first. */
	static String anyOf(java.util.List<String> clauses) {
		if (clauses.isEmpty()) {
			return null;
		}
		return "{\"bool\":{\"should\":[" + String.join(",", clauses) + "],\"minimum_should_match\":1}}";
	}

	static String lt(String field, double value) {
		return "{\"range\":{\"" + field + "\":{\"lt\":" + value + "}}}";
	}
}
