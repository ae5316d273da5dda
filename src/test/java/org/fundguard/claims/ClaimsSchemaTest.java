package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The schema other modules read by is the one the indices are made with: each class of {@link ClaimsSchema} names
 * its index's template, every field the template maps, and no field it does not (a sub-field such as
 * {@code provider_name.text} counts as mapped).
 */
class ClaimsSchemaTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void eachIndexClassNamesExactlyTheFieldsOfItsTemplate() throws Exception {
		Set<String> indices = new TreeSet<>();
		for (Class<?> index : ClaimsSchema.class.getDeclaredClasses()) {
			String name = (String) index.getField("INDEX").get(null);
			indices.add(name);
			Set<String> mapped = new TreeSet<>();
			Set<String> subFields = new TreeSet<>();
			mappedFields(template(name), mapped, subFields);
			Set<String> named = new TreeSet<>();
			for (Field f : index.getFields()) {
				if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().equals("INDEX")) {
					named.add((String) f.get(null));
				}
			}
			Set<String> readable = new TreeSet<>(mapped);
			readable.addAll(subFields);
			assertThat(readable).as("fields of %s", name).containsAll(named);
			assertThat(named).as("fields of %s", name).containsAll(mapped);
		}
		assertThat(indices).containsExactlyInAnyOrderElementsOf(ClaimsSchema.INDICES);
	}

	@Test
	void aFieldsConstantIsItsNameInCapitals() throws Exception {
		for (Class<?> index : ClaimsSchema.class.getDeclaredClasses()) {
			for (Field f : index.getFields()) {
				if (!f.getName().equals("INDEX")) {
					assertThat(f.getName()).as(index.getSimpleName())
						.isEqualTo(((String) f.get(null)).replace('.', '_').toUpperCase());
				}
			}
		}
	}

	private static JsonNode template(String index) throws IOException {
		try (InputStream in = new ClassPathResource("elastic/templates/" + index + ".json").getInputStream()) {
			return JSON.readTree(in).path("template").path("mappings").path("properties");
		}
	}

	private static void mappedFields(JsonNode properties, Set<String> mapped, Set<String> subFields) {
		for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			mapped.add(field.getKey());
			field.getValue().path("fields").fieldNames().forEachRemaining(sub -> subFields.add(field.getKey() + "." + sub));
		}
	}
}
