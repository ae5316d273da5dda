package org.fundguard.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Camunda Form (form-js JSON, the same file Tasklist shows) read generically, so that the workbench renders and
 * converts every task's form without code per task: textfield, textarea, number, select, checkbox, radio, datetime.
 * Other component types are shown as text and never submitted.
 */
public record TaskForm(String id, List<Field> fields) {

	public static final List<String> TYPES = List.of("textfield", "textarea", "number", "select", "checkbox", "radio", "datetime");

	public record Option(String value, String label) {
	}

	public record Field(String type, String key, String label, String description, boolean required, boolean readonly,
			String subtype, List<Option> options, Object value) {

		/** Whether the workbench submits this field (an input type, with a key, not read-only). */
		public boolean submitted() {
			return key != null && !readonly && TYPES.contains(type);
		}

		/** The current value as the HTML input shows it. */
		public String text() {
			return value == null ? "" : value.toString();
		}

		public boolean checked() {
			return Boolean.TRUE.equals(value) || "true".equals(text());
		}
	}

	static TaskForm parse(JsonNode form, Map<String, Object> variables) {
		List<Field> fields = new ArrayList<>();
		for (JsonNode c : form.path("components")) {
			String key = c.hasNonNull("key") ? c.get("key").asText() : null;
			List<Option> options = new ArrayList<>();
			c.path("values").forEach(v -> options.add(new Option(v.path("value").asText(), v.path("label").asText())));
			fields.add(new Field(c.path("type").asText(), key, c.path("label").asText(c.path("text").asText("")),
					c.path("description").asText(""), c.path("validate").path("required").asBoolean(false),
					c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
					c.path("subtype").asText(""), List.copyOf(options), key == null ? null : variables.get(key)));
		}
		return new TaskForm(form.path("id").asText(), List.copyOf(fields));
	}

	/**
	 * Turns submitted text into typed variables as Tasklist would send them (checkbox → Boolean, number → Double,
	 * the rest String); a required field left empty is refused.
	 */
	Map<String, Object> variables(Map<String, String> submitted) {
		Map<String, Object> out = new java.util.LinkedHashMap<>();
		for (Field f : fields) {
			if (!f.submitted()) {
				continue;
			}
			String raw = submitted.getOrDefault(f.key(), "").trim();
			if (f.required() && raw.isEmpty() && !"checkbox".equals(f.type())) {
				throw new IllegalArgumentException("请填写“" + f.label() + "” / " + f.key() + " is required");
			}
			out.put(f.key(), switch (f.type()) {
				case "checkbox" -> "true".equals(raw) || "on".equals(raw);
				case "number" -> {
					if (raw.isEmpty()) {
						yield null;
					}
					try {
						yield Double.valueOf(raw);
					}
					catch (NumberFormatException e) {
						throw new IllegalArgumentException("“" + f.label() + "”应为数字 / not a number: " + raw);
					}
				}
				default -> raw;
			});
		}
		return out;
	}
}
