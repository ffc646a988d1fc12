-- Security tables (audit log, refresh tokens, encrypted API keys) and row-level security.
--
-- Requests read user data under the NOLOGIN role wayfarer_request, inside a transaction that runs
--   SET LOCAL ROLE wayfarer_request; SELECT set_config('wayfarer.user_id', <user id>, true);
-- Policies for that role see only the rows of the user named by the setting (none when it is unset).
-- Every other role that is granted access (the silo's storage, the API's system queries, operators) keeps full
-- access through the *_service policies, so RLS can never starve a grain of its own state; the table owner
-- bypasses RLS anyway (no FORCE).

-- Roles are cluster-wide: databases migrated concurrently in one cluster may race to create it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wayfarer_request') THEN
        BEGIN
            CREATE ROLE wayfarer_request NOLOGIN NOINHERIT;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                RAISE NOTICE 'role wayfarer_request was created concurrently';
            WHEN insufficient_privilege THEN
                RAISE WARNING 'cannot create role wayfarer_request: create it (NOLOGIN) and grant it to %', current_user;
        END;
    END IF;
END $$;

CREATE TABLE IF NOT EXISTS audit_log (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id     text        NOT NULL,
    at             timestamptz NOT NULL DEFAULT now(),
    action         text        NOT NULL,
    -- The acting user and the user acted upon; both set to NULL when that user is erased, so the entry survives
    -- without personal data.
    actor_id       text        NULL,
    target_user_id text        NULL,
    subject        text        NULL,
    client_ip      text        NULL,
    details        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT audit_log_action_check CHECK (action IN (
        'register', 'login', 'login_failed', 'logout', 'token_reuse', 'share', 'unshare',
        'key_set', 'key_deleted', 'export', 'erase'))
);

CREATE INDEX IF NOT EXISTS audit_log_actor_idx ON audit_log (service_id, actor_id, id) WHERE actor_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_log_target_idx ON audit_log (service_id, target_user_id) WHERE target_user_id IS NOT NULL;

-- Refresh tokens: only the SHA-256 of each token is stored. A family is one login; rotation marks the old token
-- used, and presenting a used token revokes the whole family.
CREATE TABLE IF NOT EXISTS refresh_tokens (
    token_hash  bytea       PRIMARY KEY,
    service_id  text        NOT NULL,
    user_id     text        NOT NULL,
    family_id   uuid        NOT NULL,
    issued_at   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL,
    revoked_at  timestamptz NULL
);

CREATE INDEX IF NOT EXISTS refresh_tokens_user_idx ON refresh_tokens (service_id, user_id);
CREATE INDEX IF NOT EXISTS refresh_tokens_family_idx ON refresh_tokens (family_id);

-- Per-user data keys (32 random bytes, AES-GCM-wrapped by the configured master key). Deleting the row makes
-- every API key of the user unreadable, even from backups.
CREATE TABLE IF NOT EXISTS user_data_keys (
    service_id  text        NOT NULL,
    user_id     text        NOT NULL,
    wrapped_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_data_keys_pkey PRIMARY KEY (service_id, user_id)
);

-- Bring-your-own API keys, AES-GCM-encrypted under the user's data key (nonce || tag || ciphertext).
CREATE TABLE IF NOT EXISTS user_api_keys (
    service_id  text        NOT NULL,
    user_id     text        NOT NULL,
    provider    text        NOT NULL,
    sealed_key  bytea       NOT NULL,
    masked      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_api_keys_pkey PRIMARY KEY (service_id, user_id, provider),
    CONSTRAINT user_api_keys_data_key_fkey FOREIGN KEY (service_id, user_id)
        REFERENCES user_data_keys (service_id, user_id) ON DELETE CASCADE
);

ALTER TABLE grain_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_data_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_api_keys ENABLE ROW LEVEL SECURITY;

CREATE POLICY grain_state_service ON grain_state
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');
CREATE POLICY grain_state_request_read ON grain_state FOR SELECT
    USING (current_user = 'wayfarer_request' AND CASE
        WHEN grain_type = 'user' AND state_name = 'profile'
            THEN grain_key = current_setting('wayfarer.user_id', true)
        WHEN grain_type = 'plan' AND state_name = 'plan'
            THEN payload->>'ownerId' = current_setting('wayfarer.user_id', true)
                 OR coalesce(payload->'shares' ? current_setting('wayfarer.user_id', true), false)
        WHEN grain_type = 'session' AND state_name = 'session'
            THEN payload->>'userId' = current_setting('wayfarer.user_id', true)
        ELSE false
    END);

CREATE POLICY audit_log_service ON audit_log
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');
CREATE POLICY audit_log_request_read ON audit_log FOR SELECT
    USING (current_user = 'wayfarer_request' AND actor_id = current_setting('wayfarer.user_id', true));

CREATE POLICY refresh_tokens_service ON refresh_tokens
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');

CREATE POLICY user_data_keys_service ON user_data_keys
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');
CREATE POLICY user_data_keys_request ON user_data_keys
    USING (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true))
    WITH CHECK (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true));

CREATE POLICY user_api_keys_service ON user_api_keys
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');
CREATE POLICY user_api_keys_request ON user_api_keys
    USING (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true))
    WITH CHECK (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true));

-- Grants to the request role (when it exists; see the warning above otherwise). refresh_tokens is not granted:
-- tokens are checked before anyone is authenticated, by the service itself.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wayfarer_request') THEN
        GRANT SELECT ON grain_state, users, travel_plans, plan_shares, user_sessions, audit_log TO wayfarer_request;
        GRANT SELECT, INSERT, UPDATE, DELETE ON user_data_keys, user_api_keys TO wayfarer_request;
        IF NOT pg_has_role(current_user, 'wayfarer_request', 'MEMBER') THEN
            BEGIN
                EXECUTE format('GRANT wayfarer_request TO %I', current_user);
            EXCEPTION
                WHEN insufficient_privilege THEN
                    RAISE WARNING 'cannot grant wayfarer_request to %: requests will fail to SET ROLE', current_user;
            END;
        END IF;
    END IF;
END $$;
