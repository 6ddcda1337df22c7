package org.attain.game.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bodies posted to chat incoming webhooks: Slack's {@code {"text": ...}} and, for Microsoft Teams, a message
 * carrying one Adaptive Card (the format both Teams' Workflows webhooks and the older connectors accept): a bold
 * title and the text.
 */
final class ChatPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChatPayloads() {}

    static String of(ChatWebhooks.Kind kind, String title, String text) {
        return switch (kind) {
            case SLACK -> slack(text);
            case TEAMS -> teams(title, text);
        };
    }

    static String slack(String text) {
        return JSON.writeValueAsString(Map.of("text", text));
    }

    static String teams(String title, String text) {
        Map<String, Object> heading = new LinkedHashMap<>();
        heading.put("type", "TextBlock");
        heading.put("size", "Medium");
        heading.put("weight", "Bolder");
        heading.put("text", title);
        heading.put("wrap", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "TextBlock");
        body.put("text", text);
        body.put("wrap", true);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", List.of(heading, body));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("attachments", List.of(attachment));
        return JSON.writeValueAsString(message);
    }
}
