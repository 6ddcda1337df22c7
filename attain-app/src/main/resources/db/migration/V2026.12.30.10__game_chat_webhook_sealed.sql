-- Chat webhooks (module org.attain.game): an incoming webhook's address is its secret, so it is kept encrypted at rest
-- (platform.SecretBox, AES-256-GCM, the key outside the database) in url_sealed. Addresses stored plain before this
-- migration stay in url until the application starts and seals them (game.chat.ChatWebhooks.sealPlain), then url is
-- emptied: a row holds one of the two, never both.
alter table game_chat_webhook alter column url drop not null;
alter table game_chat_webhook add column url_sealed text check (url_sealed like 'v1:%');
alter table game_chat_webhook add constraint game_chat_webhook_url_once check ((url is null) <> (url_sealed is null));
