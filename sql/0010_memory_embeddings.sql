-- Vector memory: every embedded item of every collection. owner_id is the owning user for private collections
-- (user_preferences, agent_memory, travel_plans) and NULL for the shared catalog (destinations, activities, content).
-- Vectors are L2-normalised real[] of `dimension` components made by `model`; a collection never mixes two models.
-- `search` is the English full-text vector of `text`, used for hybrid (vector + ts_rank) search.
CREATE TABLE memory_embeddings (
    owner_id     text        NULL,
    collection   text        NOT NULL,
    id           text        NOT NULL,
    bucket       integer     NOT NULL,
    text         text        NOT NULL,
    vector       real[]      NOT NULL,
    model        text        NOT NULL,
    dimension    integer     NOT NULL,
    category     text        NULL,
    country      text        NULL,
    city         text        NULL,
    item_date    timestamptz NULL,
    metadata     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    content_hash text        NOT NULL,
    relevance    real        NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NULL,
    search       tsvector    GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED,
    CONSTRAINT memory_embeddings_dimension CHECK (dimension > 0 AND cardinality(vector) = dimension),
    CONSTRAINT memory_embeddings_bucket CHECK (bucket >= 0 AND bucket < 1024),
    CONSTRAINT memory_embeddings_collection CHECK (
        (owner_id IS NULL AND collection IN ('destinations', 'activities', 'content'))
        OR (owner_id IS NOT NULL AND collection IN ('user_preferences', 'agent_memory', 'travel_plans')))
);

CREATE UNIQUE INDEX memory_embeddings_key ON memory_embeddings ((coalesce(owner_id, '')), collection, id);
CREATE INDEX memory_embeddings_owner ON memory_embeddings (owner_id, collection) WHERE owner_id IS NOT NULL;
CREATE INDEX memory_embeddings_catalog ON memory_embeddings (bucket, collection) WHERE owner_id IS NULL;
CREATE INDEX memory_embeddings_expiry ON memory_embeddings (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX memory_embeddings_search ON memory_embeddings USING gin (search);
