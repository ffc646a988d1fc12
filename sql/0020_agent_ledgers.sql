-- Agent ledgers: runs, tasks, executions, tool calls, agent messages, money, silo metrics and notifications.
--
-- Every table is RANGE-partitioned by month on its time column, with a DEFAULT partition so that an insert never
-- fails for want of a partition; ledger_create_partitions() adds months (moving any rows the default partition holds
-- for them), and the silos' LedgerMaintenance keeps this month and the next two in place and archives old months.
-- Primary keys carry the partition column, as PostgreSQL requires; writers resend the same time for the same id
-- (a run keeps its started_at), so upserts by id work.
--
-- Row-level security follows 0003: the request role sees only the rows of the user named by wayfarer.user_id;
-- every other role keeps full access through the *_service policies. cost_tracking.user_id and
-- agent_communications.user_id are nullable: costs outlive an erased user (amounts kept for accounting), and an
-- agent message may belong to no user. system_metrics describes silos and has no user.

CREATE TABLE agent_runs (
    service_id        text          NOT NULL,
    user_id           text          NOT NULL,
    run_id            uuid          NOT NULL,
    session_id        text          NOT NULL,
    plan_id           text          NULL,
    status            text          NOT NULL,
    mode              text          NOT NULL,
    message           text          NOT NULL,
    reply             text          NULL,
    plan_version      integer       NULL,
    prompt_tokens     integer       NOT NULL DEFAULT 0,
    completion_tokens integer       NOT NULL DEFAULT 0,
    cost_usd          numeric(12,6) NOT NULL DEFAULT 0,
    attempt           integer       NOT NULL DEFAULT 1,
    error             text          NULL,
    started_at        timestamptz   NOT NULL,
    finished_at       timestamptz   NULL,
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT agent_runs_pkey PRIMARY KEY (run_id, started_at)
) PARTITION BY RANGE (started_at);

CREATE TABLE agent_tasks (
    service_id  text        NOT NULL,
    user_id     text        NOT NULL,
    task_id     uuid        NOT NULL,
    run_id      uuid        NOT NULL,
    sequence    integer     NOT NULL,
    name        text        NOT NULL,
    agent       text        NOT NULL,
    status      text        NOT NULL,
    input       text        NULL,
    output      text        NULL,
    error       text        NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT agent_tasks_pkey PRIMARY KEY (task_id, started_at)
) PARTITION BY RANGE (started_at);

CREATE TABLE agent_executions (
    service_id        text             NOT NULL,
    user_id           text             NOT NULL,
    execution_id      uuid             NOT NULL,
    run_id            uuid             NULL,
    plan_id           text             NULL,
    agent_type        text             NOT NULL,
    agent_version     text             NOT NULL,
    config            jsonb            NOT NULL DEFAULT '{}'::jsonb,
    provider          text             NOT NULL,
    model             text             NULL,
    task              text             NOT NULL,
    result            text             NULL,
    prompt_tokens     integer          NOT NULL DEFAULT 0,
    completion_tokens integer          NOT NULL DEFAULT 0,
    cost_usd          numeric(12,6)    NOT NULL DEFAULT 0,
    duration_ms       double precision NOT NULL DEFAULT 0,
    status            text             NOT NULL,
    error             text             NULL,
    started_at        timestamptz      NOT NULL,
    CONSTRAINT agent_executions_pkey PRIMARY KEY (execution_id, started_at)
) PARTITION BY RANGE (started_at);

CREATE TABLE tool_calls (
    service_id   text             NOT NULL,
    user_id      text             NOT NULL,
    id           uuid             NOT NULL,
    run_id       uuid             NULL,
    execution_id uuid             NULL,
    agent_type   text             NOT NULL,
    tool_name    text             NOT NULL,
    arguments    text             NOT NULL,
    result       text             NULL,
    status       text             NOT NULL,
    duration_ms  double precision NOT NULL DEFAULT 0,
    at           timestamptz      NOT NULL,
    CONSTRAINT tool_calls_pkey PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);

CREATE TABLE agent_communications (
    service_id   text             NOT NULL,
    user_id      text             NULL,
    id           uuid             NOT NULL,
    run_id       uuid             NULL,
    from_agent   text             NOT NULL,
    to_agent     text             NOT NULL,
    message_type text             NOT NULL,
    payload      text             NOT NULL,
    response     text             NULL,
    latency_ms   double precision NOT NULL DEFAULT 0,
    status       text             NOT NULL,
    error        text             NULL,
    at           timestamptz      NOT NULL,
    CONSTRAINT agent_communications_pkey PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);

-- Money. Rows are written by the user ledger grains' outboxes with ON CONFLICT DO NOTHING, so a retried flush never
-- counts a charge twice. user_id becomes NULL when the user is erased; the amounts stay.
CREATE TABLE cost_tracking (
    service_id        text          NOT NULL,
    user_id           text          NULL,
    id                uuid          NOT NULL,
    plan_id           text          NULL,
    execution_id      uuid          NULL,
    run_id            uuid          NULL,
    provider          text          NOT NULL,
    model             text          NOT NULL,
    prompt_tokens     integer       NOT NULL DEFAULT 0,
    completion_tokens integer       NOT NULL DEFAULT 0,
    cost_usd          numeric(12,6) NOT NULL,
    category          text          NOT NULL,
    at                timestamptz   NOT NULL,
    CONSTRAINT cost_tracking_pkey PRIMARY KEY (id, at),
    CONSTRAINT cost_tracking_cost_check CHECK (cost_usd >= 0)
) PARTITION BY RANGE (at);

CREATE TABLE system_metrics (
    service_id text             NOT NULL,
    id         uuid             NOT NULL,
    silo_id    text             NOT NULL,
    name       text             NOT NULL,
    value      double precision NOT NULL,
    labels     jsonb            NULL,
    at         timestamptz      NOT NULL,
    CONSTRAINT system_metrics_pkey PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);

CREATE TABLE notifications (
    service_id text        NOT NULL,
    user_id    text        NOT NULL,
    id         uuid        NOT NULL,
    plan_id    text        NULL,
    kind       text        NOT NULL,
    title      text        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL,
    read_at    timestamptz NULL,
    CONSTRAINT notifications_pkey PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

CREATE TABLE agent_runs_default PARTITION OF agent_runs DEFAULT;
CREATE TABLE agent_tasks_default PARTITION OF agent_tasks DEFAULT;
CREATE TABLE agent_executions_default PARTITION OF agent_executions DEFAULT;
CREATE TABLE tool_calls_default PARTITION OF tool_calls DEFAULT;
CREATE TABLE agent_communications_default PARTITION OF agent_communications DEFAULT;
CREATE TABLE cost_tracking_default PARTITION OF cost_tracking DEFAULT;
CREATE TABLE system_metrics_default PARTITION OF system_metrics DEFAULT;
CREATE TABLE notifications_default PARTITION OF notifications DEFAULT;

-- A plan's runs newest first (GET /api/plans/{id}/runs), a run's parts (GET /api/runs/{id}), a user's costs over a
-- time range (GET /api/costs), erasure by user, and metrics by name over time.
CREATE INDEX agent_runs_plan_idx ON agent_runs (service_id, plan_id, user_id, started_at DESC, run_id DESC);
CREATE INDEX agent_runs_user_idx ON agent_runs (service_id, user_id, started_at);
CREATE INDEX agent_tasks_run_idx ON agent_tasks (run_id);
CREATE INDEX agent_tasks_user_idx ON agent_tasks (service_id, user_id);
CREATE INDEX agent_executions_run_idx ON agent_executions (run_id) WHERE run_id IS NOT NULL;
CREATE INDEX agent_executions_user_idx ON agent_executions (service_id, user_id, started_at);
CREATE INDEX tool_calls_run_idx ON tool_calls (run_id) WHERE run_id IS NOT NULL;
CREATE INDEX tool_calls_user_idx ON tool_calls (service_id, user_id);
CREATE INDEX agent_communications_run_idx ON agent_communications (run_id) WHERE run_id IS NOT NULL;
CREATE INDEX agent_communications_user_idx ON agent_communications (service_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX cost_tracking_user_idx ON cost_tracking (service_id, user_id, at);
CREATE INDEX cost_tracking_plan_idx ON cost_tracking (service_id, plan_id, user_id, at) WHERE plan_id IS NOT NULL;
CREATE INDEX cost_tracking_run_idx ON cost_tracking (run_id) WHERE run_id IS NOT NULL;
CREATE INDEX system_metrics_name_idx ON system_metrics (service_id, name, at);
CREATE INDEX notifications_user_idx ON notifications (service_id, user_id, created_at DESC);

-- Creates the monthly partitions of every ledger table for each month from p_from's to p_to's (both included) and
-- returns how many it created. Rows the DEFAULT partition already holds for such a month are moved into it, so a
-- month that arrives late (or a clock that jumped) never blocks the partition. Idempotent.
CREATE FUNCTION ledger_create_partitions(p_from date, p_to date) RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
    tables  constant text[][] := ARRAY[
        ['agent_runs', 'started_at'], ['agent_tasks', 'started_at'], ['agent_executions', 'started_at'],
        ['tool_calls', 'at'], ['agent_communications', 'at'], ['cost_tracking', 'at'],
        ['system_metrics', 'at'], ['notifications', 'created_at']];
    month   date := date_trunc('month', p_from)::date;
    last    date := date_trunc('month', p_to)::date;
    i       integer;
    parent  text;
    col     text;
    child   text;
    lower_b timestamptz;
    upper_b timestamptz;
    created integer := 0;
BEGIN
    WHILE month <= last LOOP
        lower_b := month::timestamp AT TIME ZONE 'UTC';
        upper_b := (month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
        FOR i IN 1 .. array_length(tables, 1) LOOP
            parent := tables[i][1];
            col := tables[i][2];
            child := format('%s_p%s', parent, to_char(month, 'YYYYMM'));
            IF to_regclass(child) IS NULL THEN
                EXECUTE format('LOCK TABLE %I IN SHARE ROW EXCLUSIVE MODE', parent);
                EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', child, parent);
                EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= $1 AND %I < $2 RETURNING *) INSERT INTO %I SELECT * FROM moved',
                    parent || '_default', col, col, child) USING lower_b, upper_b;
                EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, child, lower_b, upper_b);
                created := created + 1;
            END IF;
        END LOOP;
        month := (month + interval '1 month')::date;
    END LOOP;
    RETURN created;
END
$fn$;

SELECT ledger_create_partitions(current_date, (current_date + interval '2 months')::date);

-- Where LedgerMaintenance moves expired months when no archive directory is configured.
CREATE SCHEMA IF NOT EXISTS ledger_archive;

ALTER TABLE agent_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_executions ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_calls ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_communications ENABLE ROW LEVEL SECURITY;
ALTER TABLE cost_tracking ENABLE ROW LEVEL SECURITY;
ALTER TABLE system_metrics ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;

CREATE POLICY agent_runs_service ON agent_runs
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');
CREATE POLICY agent_runs_request_read ON agent_runs FOR SELECT
    USING (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true));

CREATE POLICY agent_tasks_service ON agent_tasks
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');
CREATE POLICY agent_tasks_request_read ON agent_tasks FOR SELECT
    USING (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true));

CREATE POLICY agent_executions_service ON agent_executions
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');
CREATE POLICY agent_executions_request_read ON agent_executions FOR SELECT
    USING (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true));

CREATE POLICY tool_calls_service ON tool_calls
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');
CREATE POLICY tool_calls_request_read ON tool_calls FOR SELECT
    USING (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true));

CREATE POLICY agent_communications_service ON agent_communications
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');
CREATE POLICY agent_communications_request_read ON agent_communications FOR SELECT
    USING (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true));

CREATE POLICY cost_tracking_service ON cost_tracking
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');
CREATE POLICY cost_tracking_request_read ON cost_tracking FOR SELECT
    USING (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true));

-- Silo metrics belong to no user: the request role sees none of them.
CREATE POLICY system_metrics_service ON system_metrics
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');

CREATE POLICY notifications_service ON notifications
    USING (current_user <> 'wayfarer_request') WITH CHECK (current_user <> 'wayfarer_request');
CREATE POLICY notifications_request_read ON notifications FOR SELECT
    USING (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true));
CREATE POLICY notifications_request_mark_read ON notifications FOR UPDATE
    USING (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true))
    WITH CHECK (current_user = 'wayfarer_request' AND user_id = current_setting('wayfarer.user_id', true));

-- Cost analytics, one row per user, UTC day and grouping key, so a caller can sum any day range. security_invoker:
-- the caller's row-level security applies to the tables underneath.
CREATE VIEW cost_by_day WITH (security_invoker = true) AS
SELECT c.service_id, c.user_id, (c.at AT TIME ZONE 'UTC')::date AS day,
       sum(c.cost_usd) AS cost_usd, sum(c.prompt_tokens)::bigint AS prompt_tokens,
       sum(c.completion_tokens)::bigint AS completion_tokens, count(*) AS calls
FROM cost_tracking c
GROUP BY c.service_id, c.user_id, (c.at AT TIME ZONE 'UTC')::date;

CREATE VIEW cost_by_plan WITH (security_invoker = true) AS
SELECT c.service_id, c.user_id, c.plan_id, (c.at AT TIME ZONE 'UTC')::date AS day,
       sum(c.cost_usd) AS cost_usd, sum(c.prompt_tokens)::bigint AS prompt_tokens,
       sum(c.completion_tokens)::bigint AS completion_tokens, count(*) AS calls
FROM cost_tracking c
GROUP BY c.service_id, c.user_id, c.plan_id, (c.at AT TIME ZONE 'UTC')::date;

-- The agent is the execution's agent type; a cost with no recorded execution counts under its category.
CREATE VIEW cost_by_agent WITH (security_invoker = true) AS
SELECT c.service_id, c.user_id, coalesce(e.agent_type, c.category) AS agent, (c.at AT TIME ZONE 'UTC')::date AS day,
       sum(c.cost_usd) AS cost_usd, sum(c.prompt_tokens)::bigint AS prompt_tokens,
       sum(c.completion_tokens)::bigint AS completion_tokens, count(*) AS calls
FROM cost_tracking c
LEFT JOIN agent_executions e ON e.execution_id = c.execution_id AND e.service_id = c.service_id
GROUP BY c.service_id, c.user_id, coalesce(e.agent_type, c.category), (c.at AT TIME ZONE 'UTC')::date;

CREATE VIEW cost_by_model WITH (security_invoker = true) AS
SELECT c.service_id, c.user_id, c.provider, c.model, (c.at AT TIME ZONE 'UTC')::date AS day,
       sum(c.cost_usd) AS cost_usd, sum(c.prompt_tokens)::bigint AS prompt_tokens,
       sum(c.completion_tokens)::bigint AS completion_tokens, count(*) AS calls
FROM cost_tracking c
GROUP BY c.service_id, c.user_id, c.provider, c.model, (c.at AT TIME ZONE 'UTC')::date;

-- For operators' reports over long ranges; refreshed CONCURRENTLY by LedgerMaintenance (hence the unique index on
-- plain columns; erased users' costs roll up under the empty user id). Not granted to the request role: a
-- materialized view has no row-level security.
CREATE MATERIALIZED VIEW cost_daily_rollup AS
SELECT c.service_id, coalesce(c.user_id, '') AS user_id, (c.at AT TIME ZONE 'UTC')::date AS day,
       c.provider, c.model, c.category,
       sum(c.cost_usd) AS cost_usd, sum(c.prompt_tokens)::bigint AS prompt_tokens,
       sum(c.completion_tokens)::bigint AS completion_tokens, count(*) AS calls
FROM cost_tracking c
GROUP BY c.service_id, coalesce(c.user_id, ''), (c.at AT TIME ZONE 'UTC')::date, c.provider, c.model, c.category;

CREATE UNIQUE INDEX cost_daily_rollup_key ON cost_daily_rollup (service_id, user_id, day, provider, model, category);

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wayfarer_request') THEN
        GRANT SELECT ON agent_runs, agent_tasks, agent_executions, tool_calls, agent_communications, cost_tracking,
            system_metrics, notifications, cost_by_day, cost_by_plan, cost_by_agent, cost_by_model TO wayfarer_request;
        GRANT UPDATE (read_at) ON notifications TO wayfarer_request;
    END IF;
END $$;
