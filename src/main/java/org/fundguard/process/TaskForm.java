package org.fundguard.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.errors.Refused;

/**
 * A user task's Camunda Form (form-js JSON, the same file Tasklist shows) read generically, so that every page renders
 * and converts every task's form without code per task: textfield, textarea, number, select, checkbox, radio,
 * datetime. Other component types (static text) are shown and never submitted. The form also decides which variables
 * a completion may set: a value without a field of the form is dropped, as Tasklist would never send it.
 */
public record TaskForm(String id, List<Field> fields) {

	public static final List<String> TYPES = List.of("textfield", "textarea", "number", "select", "checkbox", "radio",
			"datetime", "text");

	private static final List<String> INPUTS = List.of("textfield", "textarea", "number", "select", "checkbox", "radio",
			"datetime");

	public record Option(String value, String label) {
	}

	public record Field(String type, String key, String label, String description, boolean required, boolean readonly,
			String subtype, List<Option> options, Object value) {

		/** Whether a completion submits this field (an input type, with a key, not read-only). */
		public boolean submitted() {
			return key != null && !readonly && INPUTS.contains(type);
		}

		/** The current value as the HTML input shows it. */
		public String text() {
			return value == null ? "" : value.toString();
		}

		public boolean checked() {
			return Boolean.TRUE.equals(value) || "true".equals(text());
		}
	}

	public static TaskForm parse(JsonNode form, Map<String, Object> variables) {
		List<Field> fields = new ArrayList<>();
		collect(form, variables, fields);
		return new TaskForm(form.path("id").asText(), List.copyOf(fields));
	}

	private static void collect(JsonNode container, Map<String, Object> variables, List<Field> fields) {
		for (JsonNode c : container.path("components")) {
			String key = c.hasNonNull("key") ? c.get("key").asText() : null;
			List<Option> options = new ArrayList<>();
			c.path("values").forEach(v -> options.add(new Option(v.path("value").asText(), v.path("label").asText())));
			fields.add(new Field(c.path("type").asText(), key, c.path("label").asText(c.path("text").asText("")),
					c.path("description").asText(""), c.path("validate").path("required").asBoolean(false),
					c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
					c.path("subtype").asText(""), List.copyOf(options), key == null ? null : variables.get(key)));
			collect(c, variables, fields);
		}
	}

	/** The keys a completion of this form may set. */
	public List<String> submittedKeys() {
		return fields.stream().filter(Field::submitted).map(Field::key).toList();
	}

	/**
	 * Turns submitted text into typed variables as Tasklist would send them (checkbox → Boolean, number → Double, the
	 * rest String); a required field left empty, a number that is none and a choice the form does not offer are refused.
	 * A field not submitted at all keeps its current value (see {@link #left}).
	 */
	public Map<String, Object> variables(Map<String, String> submitted) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (Field f : fields) {
			if (!f.submitted()) {
				continue;
			}
			String raw = submitted.containsKey(f.key()) ? submitted.get(f.key()) : left(f);
			raw = raw == null ? "" : raw.trim();
			if (f.required() && raw.isEmpty() && !"checkbox".equals(f.type())) {
				throw Refused.because("process.form.required", f.label());
			}
			out.put(f.key(), value(f, raw));
		}
		return out;
	}

	/**
	 * A field the submission leaves out keeps the value the form shows (an API client need not repeat what it does not
	 * change); a checkbox left out is unticked, as a browser leaves out an unticked box.
	 */
	private static String left(Field f) {
		return "checkbox".equals(f.type()) ? "" : f.text();
	}

	private static Object value(Field f, String raw) {
		return switch (f.type()) {
			case "checkbox" -> "true".equals(raw) || "on".equals(raw);
			case "number" -> {
				if (raw.isEmpty()) {
					yield null;
				}
				try {
					yield Double.valueOf(raw);
				}
				catch (NumberFormatException e) {
					throw Refused.because("process.form.not-a-number", f.label(), raw);
				}
			}
			case "select", "radio" -> {
				if (!raw.isEmpty() && !f.options().isEmpty() && f.options().stream().noneMatch(o -> o.value().equals(raw))) {
					throw Refused.because("process.form.not-an-option", f.label(), raw);
				}
				yield raw;
			}
			default -> raw;
		};
	}
}
