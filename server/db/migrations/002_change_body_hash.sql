-- A replayed change id must carry the same body from the same rep to get the
-- stored result back; anything else is answered change_id_reused. Rows stored
-- before this migration have no hash and are matched on the rep alone.
ALTER TABLE processed_changes ADD COLUMN body_hash text;
