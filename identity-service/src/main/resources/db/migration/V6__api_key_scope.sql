-- Device API keys: an optional site scope and when telemetry last accepted readings with the key.

-- Null: the key may report for every unit of its org. The site lives in catalog-service's schema,
-- so there is no foreign key; catalog's API is asked whether the site is the org's at creation.
ALTER TABLE api_keys ADD COLUMN site_id uuid;

-- Null: never used. Reported by telemetry (ApiKeyUsed), accurate to its reporting interval.
ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz;
