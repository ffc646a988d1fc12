-- Runtime tables: persisted grain state and durable reminders.

-- One row per (service, grain type, grain key, state name). version is the ETag: 1 on the first write, +1 on
-- every write or clear. A clear keeps the row as a tombstone (payload NULL) so an old ETag never matches again.
CREATE TABLE IF NOT EXISTS grain_state (
    service_id  text        NOT NULL,
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    version     bigint      NOT NULL,
    payload     jsonb       NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT grain_state_pkey PRIMARY KEY (service_id, grain_type, grain_key, state_name)
)
-- Rows are rewritten on every write and no indexed column changes: free space on each page keeps those
-- updates HOT (no index maintenance).
WITH (fillfactor = 80);

-- Reminder versions come from one sequence, not a per-row counter, so a reminder that is removed and created
-- again never reuses an ETag of its earlier incarnation.
CREATE SEQUENCE IF NOT EXISTS reminders_version_seq AS bigint;

CREATE TABLE IF NOT EXISTS reminders (
    service_id    text        NOT NULL,
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    reminder_name text        NOT NULL,
    start_at      timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    version       bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    CONSTRAINT reminders_pkey PRIMARY KEY (service_id, grain_type, grain_key, reminder_name)
);

ALTER SEQUENCE reminders_version_seq OWNED BY reminders.version;

COMMENT ON COLUMN reminders.grain_hash IS
    'FNV-1a 32-bit hash of the UTF-8 grain id text (type/key), minus 2^31: an order-preserving map of the unsigned hash into integer, so hash ranges are plain comparisons that use the index.';

CREATE INDEX IF NOT EXISTS reminders_service_id_grain_hash_idx ON reminders (service_id, grain_hash);
