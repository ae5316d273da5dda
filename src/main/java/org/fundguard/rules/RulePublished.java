package org.fundguard.rules;

/** A composed rule got a new version: the catalogue reads the rules again. */
record RulePublished(String ruleId, int version) {
}
