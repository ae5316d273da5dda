package org.fundguard.rules;

import java.util.function.Consumer;

/** The Java code behind one or more rules; named in the rule files' {@code evaluator.java}. */
interface Evaluator {

	/** The name the rule files use. */
	String name();

	/** Finds the hits of one rule in the scope and hands each to {@code hits}, streaming: nothing is kept. */
	void evaluate(Scope scope, Consumer<Hit> hits);
}
