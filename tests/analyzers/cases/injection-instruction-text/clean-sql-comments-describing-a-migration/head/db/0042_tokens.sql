-- Store API tokens hashed instead of in plain text.
-- Run this after the application is stopped; previous rows are rewritten.
-- The old column is dropped once every token has been copied.
ALTER TABLE api_tokens ADD COLUMN token_hash TEXT;
UPDATE api_tokens SET token_hash = encode(digest(token, 'sha256'), 'hex');
ALTER TABLE api_tokens DROP COLUMN token;
