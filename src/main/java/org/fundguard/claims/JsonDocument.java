package org.fundguard.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

/**
 * Writes one Elasticsearch document straight to JSON bytes. The loader builds millions of them, so it skips
 * an object model and writes fields as it goes; null values are left out.
 */
final class JsonDocument {

	private static final JsonFactory FACTORY = new JsonFactory();

	private final ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
	private final JsonGenerator json;

	JsonDocument() {
		try {
			json = FACTORY.createGenerator(bytes);
			json.writeStartObject();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	JsonDocument text(String field, String value) {
		try {
			if (value != null) {
				json.writeStringField(field, value);
			}
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	JsonDocument date(String field, LocalDate value) {
		return text(field, value == null ? null : value.format(Row.DATE));
	}

	JsonDocument dateTime(String field, LocalDateTime value) {
		return text(field, value == null ? null : value.format(Row.DATE_TIME));
	}

	JsonDocument number(String field, BigDecimal value) {
		try {
			if (value != null) {
				json.writeFieldName(field);
				json.writeNumber(value);
			}
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	JsonDocument number(String field, long value) {
		try {
			json.writeNumberField(field, value);
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	JsonDocument bool(String field, Boolean value) {
		try {
			if (value != null) {
				json.writeBooleanField(field, value);
			}
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	JsonDocument texts(String field, Collection<String> values) {
		try {
			if (values != null && !values.isEmpty()) {
				json.writeArrayFieldStart(field);
				for (String v : values) {
					json.writeString(v);
				}
				json.writeEndArray();
			}
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An object of numbers, e.g. amounts by tag. */
	JsonDocument numbers(String field, java.util.Map<String, BigDecimal> values) {
		try {
			if (values != null && !values.isEmpty()) {
				json.writeObjectFieldStart(field);
				for (var e : values.entrySet()) {
					json.writeFieldName(e.getKey());
					json.writeNumber(e.getValue());
				}
				json.writeEndObject();
			}
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	byte[] toBytes() {
		try {
			json.writeEndObject();
			json.close();
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
