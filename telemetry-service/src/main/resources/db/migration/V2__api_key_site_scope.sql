-- A device API key may be limited to one site's units (identity's ApiKeyState.siteId).
-- Null: every unit of the key's org, which is what every key projected before this column was.
ALTER TABLE api_key_projection ADD COLUMN site_id uuid;
