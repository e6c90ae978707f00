-- TOTP second factor (RFC 6238): the shared secret, sealed like personal data, and the last time step
-- used, so that a code cannot be replayed
ALTER TABLE account ADD COLUMN totp_secret_cipher VARCHAR(200);
ALTER TABLE account ADD COLUMN totp_last_step BIGINT;
