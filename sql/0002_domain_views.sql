-- Domain views over grain_state: the relational shape of users, travel plans, plan shares and agent sessions.
-- The grains own the data (state names 'profile', 'plan', 'session' of grain types 'user', 'plan', 'session');
-- the views are read-only projections for listing and reporting queries.
--
-- Trade-off: expression indexes on payload make every grain_state update non-HOT (PostgreSQL checks the columns an
-- index references, and payload is one). The partial predicates keep the index entries themselves to the rows
-- of the three grain types.

-- E-mail addresses are unique per service, ignoring case. A second user writing a taken address fails with a
-- unique violation (SQLSTATE 23505) and stores nothing; the user grain reports it as EmailTaken.
CREATE UNIQUE INDEX IF NOT EXISTS grain_state_user_email_uidx
    ON grain_state (service_id, lower(payload->>'email'))
    WHERE grain_type = 'user' AND state_name = 'profile' AND payload IS NOT NULL;

-- A user's plans, newest first (plan ids are version-7 UUIDs, so key order is creation order).
CREATE INDEX IF NOT EXISTS grain_state_plan_owner_idx
    ON grain_state (service_id, (payload->>'ownerId'), grain_key)
    WHERE grain_type = 'plan' AND state_name = 'plan' AND payload IS NOT NULL;

-- Plans shared with a user: shares is an object keyed by user id, so membership is the jsonb ? operator.
CREATE INDEX IF NOT EXISTS grain_state_plan_shares_idx
    ON grain_state USING gin ((payload->'shares'))
    WHERE grain_type = 'plan' AND state_name = 'plan' AND payload IS NOT NULL;

-- A user's sessions.
CREATE INDEX IF NOT EXISTS grain_state_session_user_idx
    ON grain_state (service_id, (payload->>'userId'), grain_key)
    WHERE grain_type = 'session' AND state_name = 'session' AND payload IS NOT NULL;

-- security_invoker: the caller's privileges and row-level security apply to grain_state, not the view owner's.
CREATE OR REPLACE VIEW users WITH (security_invoker = true) AS
SELECT g.service_id,
       g.grain_key                                       AS id,
       g.payload->>'email'                               AS email,
       g.payload->>'username'                            AS username,
       g.payload->>'firstName'                           AS first_name,
       g.payload->>'lastName'                            AS last_name,
       g.payload->>'phone'                               AS phone,
       (g.payload->>'dateOfBirth')::date                 AS date_of_birth,
       g.payload->'profile'                              AS profile,
       g.payload->'preferences'                          AS preferences,
       lower(g.payload->>'tier')                         AS subscription_tier,
       (g.payload->>'isActive')::boolean                 AS is_active,
       (g.payload->>'isVerified')::boolean               AS is_verified,
       (g.payload->>'createdAt')::timestamptz            AS created_at,
       (g.payload->>'updatedAt')::timestamptz            AS updated_at,
       (g.payload->>'lastLoginAt')::timestamptz          AS last_login_at
FROM grain_state g
WHERE g.grain_type = 'user' AND g.state_name = 'profile' AND g.payload IS NOT NULL;

CREATE OR REPLACE VIEW travel_plans WITH (security_invoker = true) AS
SELECT g.service_id,
       g.grain_key                                       AS id,
       g.payload->>'ownerId'                             AS owner_id,
       g.payload->'plan'->>'title'                       AS title,
       g.payload->'plan'->>'description'                 AS description,
       g.payload->'plan'->'destinations'                 AS destinations,
       (g.payload->'plan'->>'startDate')::date           AS start_date,
       (g.payload->'plan'->>'endDate')::date             AS end_date,
       (g.payload->'plan'->>'durationDays')::integer     AS duration_days,
       (g.payload->'plan'->>'travelerCount')::integer    AS traveler_count,
       (g.payload->'plan'->'budget'->>'total')::numeric  AS budget_total,
       g.payload->'plan'->'budget'->>'currency'          AS budget_currency,
       g.payload->'plan'->'preferences'                  AS preferences,
       lower(g.payload->'plan'->>'status')               AS status,
       g.payload->'plan'->'itinerary'                    AS itinerary,
       (g.payload->>'version')::integer                  AS version,
       g.payload->>'parentPlanId'                        AS parent_plan_id,
       (g.payload->>'parentVersion')::integer            AS parent_version,
       g.payload->'shares'                               AS shares,
       (g.payload->>'createdAt')::timestamptz            AS created_at,
       (g.payload->>'updatedAt')::timestamptz            AS updated_at,
       g.payload->>'updatedBy'                           AS updated_by
FROM grain_state g
WHERE g.grain_type = 'plan' AND g.state_name = 'plan' AND g.payload IS NOT NULL;

CREATE OR REPLACE VIEW plan_shares WITH (security_invoker = true) AS
SELECT g.service_id,
       g.grain_key                                       AS plan_id,
       g.payload->>'ownerId'                             AS owner_id,
       s.key                                             AS user_id,
       lower(s.value->>'role')                           AS role,
       s.value->>'grantedBy'                             AS granted_by,
       (s.value->>'grantedAt')::timestamptz              AS granted_at
FROM grain_state g
CROSS JOIN LATERAL jsonb_each(g.payload->'shares') s
WHERE g.grain_type = 'plan' AND g.state_name = 'plan' AND g.payload IS NOT NULL;

CREATE OR REPLACE VIEW user_sessions WITH (security_invoker = true) AS
SELECT g.service_id,
       g.grain_key                                       AS id,
       g.payload->>'userId'                              AS user_id,
       g.payload->>'planId'                              AS plan_id,
       (g.payload->>'createdAt')::timestamptz            AS created_at,
       (g.payload->>'lastActivityAt')::timestamptz       AS last_activity_at,
       jsonb_array_length(coalesce(g.payload->'messages', '[]'::jsonb)) AS message_count,
       g.payload->'context'                              AS context
FROM grain_state g
WHERE g.grain_type = 'session' AND g.state_name = 'session' AND g.payload IS NOT NULL;
