package org.concord.remote.kit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Reads an archive request body, naming the field of the first problem. */
final class ArchiveReader {

    ArchiveRequest read(JsonNode body) throws Problem {
        if (!body.isObject()) {
            throw Problem.malformed("the body must be a JSON object");
        }
        JsonNode target = body.path("target");
        if (!target.isObject()) {
            throw Problem.malformed("target: missing; an object with 'type' and 'id'");
        }
        String typeCode = required(target, "type", "target.type");
        ObjectType type = ObjectType.byCode(typeCode)
                .orElseThrow(() -> Problem.malformed("target.type: unknown type '" + typeCode + "'"));
        JsonNode message = body.path("message");
        if (!message.isObject()) {
            throw Problem.malformed("message: missing; an object with messageId, subject, from, to, date, text");
        }
        Optional<OffsetDateTime> date = Optional.empty();
        if (message.hasNonNull("date")) {
            try {
                date = Optional.of(OffsetDateTime.parse(message.get("date").asText()));
            } catch (DateTimeParseException e) {
                throw Problem.malformed("message.date: expected an RFC 3339 date-time, found '" + message.get("date").asText() + "'");
            }
        }
        List<String> to = new ArrayList<>();
        for (JsonNode t : message.path("to")) {
            to.add(t.asText());
        }
        List<ArchiveRequest.Attachment> attachments = new ArrayList<>();
        JsonNode list = body.path("attachments");
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            String at = "attachments[" + i + "]";
            byte[] content;
            try {
                content = Base64.getDecoder().decode(required(a, "content", at + ".content"));
            } catch (IllegalArgumentException e) {
                throw Problem.malformed(at + ".content: not base64");
            }
            attachments.add(new ArchiveRequest.Attachment(required(a, "name", at + ".name"),
                    a.path("mediaType").asText("application/octet-stream"), content));
        }
        return new ArchiveRequest(required(message, "messageId", "message.messageId"), required(body, "user", "user"),
                type, required(target, "id", "target.id"), message.path("subject").asText(""),
                message.path("from").asText(""), to, date, message.path("text").asText(""), attachments);
    }

    private static String required(JsonNode node, String name, String at) throws Problem {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw Problem.malformed(at + ": missing; expected a non-empty string");
        }
        return v.asText();
    }
}
