/**
 * Chat posts (issue 17 point 5): {@link org.attain.game.chat.ChatWebhooks} (Slack and Microsoft Teams incoming
 * webhooks, addresses shown masked) and {@code ChatPosts} (an outbox: one post per webhook and award or badge, sent
 * apart from the award, retried with doubling waits, claimed before sending so never sent twice). Internal to the
 * game module; pages and API in {@code game.web.ChatWebhookPages}.
 */
package org.attain.game.chat;
