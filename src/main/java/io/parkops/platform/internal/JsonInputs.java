package io.parkops.platform.internal;

import io.parkops.platform.Inputs;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON text never carries control characters into the application: a string with NUL or
 * another control character (line breaks and tabs aside, which multi-line fields check
 * for themselves) is refused while reading the body, naming the field; an object or an
 * array where a text is expected is refused the same way.
 */
@Configuration
class JsonInputs {

	@Bean
	JacksonModule parkopsTextInput() {
		return new SimpleModule("parkops-text-input").addDeserializer(String.class, new CheckedString());
	}

	static class CheckedString extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
				return (String) ctxt.handleUnexpectedToken(String.class, p);
			}
			String value = super.deserialize(p, ctxt);
			if (Inputs.hasControlCharacters(value, true)) {
				throw ctxt.weirdStringException(Inputs.shorten(value), String.class, CONTROL);
			}
			return value;
		}

		@Override
		public boolean isCachable() {
			return true;
		}

	}

	/** The reason given for a refused string; the API answer names the field instead. */
	static final String CONTROL = "control characters";

}
