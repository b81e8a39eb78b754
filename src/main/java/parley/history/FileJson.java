package parley.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The JSON style of Parley's files: snake_case names, ISO-8601 times, nulls left out, indented. */
final class FileJson {
    static final ObjectMapper MAPPER = create();
    /** The same style on one line, for values kept in the database. */
    static final ObjectMapper COMPACT = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private FileJson() {}

    private static ObjectMapper create() {
        SimpleModule times = new SimpleModule("iso-instants");
        times.addSerializer(Instant.class, ToStringSerializer.instance);
        times.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = p.getValueAsString();
                try {
                    return text == null || text.isBlank() ? null : Instant.parse(text.strip());
                } catch (DateTimeParseException e) {
                    return (Instant) ctx.handleWeirdStringValue(Instant.class, text,
                            "not an ISO-8601 time such as 2026-01-31T12:00:00Z");
                }
            }
        });
        return new ObjectMapper()
                .registerModule(times)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The first line of a parse error, for a one-line message. */
    static String reason(IOException e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
