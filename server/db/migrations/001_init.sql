-- Huashu team sync: every shared row carries shop_id and the shop sequence
-- number (seq) of its last change. The service runs each transaction as the
-- non-owner role huashu_app with huashu.shop_id set, and every table forces
-- row-level security on that setting: the second wall between shops.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'huashu_app') THEN
    CREATE ROLE huashu_app NOLOGIN;
  END IF;
END $$;
GRANT huashu_app TO CURRENT_USER;

CREATE TABLE shops (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  -- The shop's change counter. A writer locks this row, so sequence numbers
  -- of one shop are handed out and committed strictly in order.
  seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reps (
  shop_id uuid NOT NULL REFERENCES shops (id),
  id text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('lead', 'editor', 'rep')),
  joined_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  seq bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);

CREATE TABLE invites (
  code_hash text PRIMARY KEY,
  shop_id uuid NOT NULL REFERENCES shops (id),
  role text NOT NULL CHECK (role IN ('editor', 'rep')),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by text
);

-- Library rows: the row itself is JSON (the extension's shape), validated by the service.
CREATE TABLE scripts (
  shop_id uuid NOT NULL REFERENCES shops (id),
  id text NOT NULL,
  seq bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  PRIMARY KEY (shop_id, id)
);
CREATE TABLE groups (LIKE scripts INCLUDING ALL);
CREATE TABLE risk_words (LIKE scripts INCLUDING ALL);
CREATE TABLE site_profiles (LIKE scripts INCLUDING ALL);

CREATE TABLE proposals (
  shop_id uuid NOT NULL REFERENCES shops (id),
  id text NOT NULL,
  seq bigint NOT NULL,
  rep_id text NOT NULL,
  script_id text,
  script jsonb NOT NULL,
  note text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
  decided_by text,
  decided_at timestamptz,
  reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);

CREATE TABLE followups (
  shop_id uuid NOT NULL REFERENCES shops (id),
  id text NOT NULL,
  seq bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL,
  dedupe_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'snoozed', 'done', 'expired')),
  claimed_by text,
  claim_id text,
  lease_until timestamptz,
  attempts jsonb NOT NULL DEFAULT '[]',
  outcome jsonb,
  outcome_log jsonb NOT NULL DEFAULT '[]',
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  PRIMARY KEY (shop_id, id)
);
-- One live follow-up per order and kind in a shop.
CREATE UNIQUE INDEX followups_live_dedupe ON followups (shop_id, dedupe_key) WHERE status IN ('open', 'snoozed') AND NOT deleted;

-- Every lease ever granted: an attempt pushed late still proves it was made under a claim.
CREATE TABLE claims (
  shop_id uuid NOT NULL REFERENCES shops (id),
  id text NOT NULL,
  followup_id text NOT NULL,
  rep_id text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz NOT NULL,
  released_at timestamptz,
  PRIMARY KEY (shop_id, id)
);

CREATE TABLE usage_events (
  shop_id uuid NOT NULL REFERENCES shops (id),
  id text NOT NULL,
  rep_id text NOT NULL,
  script_id text NOT NULL,
  site text NOT NULL,
  via text NOT NULL,
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, id)
);

-- Idempotent push: the first answer to a change id is stored and replayed.
CREATE TABLE processed_changes (
  shop_id uuid NOT NULL REFERENCES shops (id),
  change_id text NOT NULL,
  rep_id text NOT NULL,
  result jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, change_id)
);

CREATE INDEX reps_seq ON reps (shop_id, seq);
CREATE INDEX scripts_seq ON scripts (shop_id, seq);
CREATE INDEX groups_seq ON groups (shop_id, seq);
CREATE INDEX risk_words_seq ON risk_words (shop_id, seq);
CREATE INDEX site_profiles_seq ON site_profiles (shop_id, seq);
CREATE INDEX proposals_seq ON proposals (shop_id, seq);
CREATE INDEX followups_seq ON followups (shop_id, seq);
CREATE INDEX usage_events_at ON usage_events (shop_id, at);

-- Row-level security: the shop of the current transaction only.
CREATE FUNCTION huashu_shop() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('huashu.shop_id', true), '')::uuid $$;

ALTER TABLE shops ENABLE ROW LEVEL SECURITY;
ALTER TABLE shops FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON shops USING (id = huashu_shop()) WITH CHECK (id = huashu_shop());

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['reps','invites','scripts','groups','risk_words','site_profiles','proposals',
                           'followups','claims','usage_events','processed_changes'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY shop_isolation ON %I USING (shop_id = huashu_shop()) WITH CHECK (shop_id = huashu_shop())', t);
  END LOOP;
END $$;

-- Redeeming an invite happens before the shop is known: the row is visible to
-- whoever presents its code (the hash of it), and to nobody else.
CREATE POLICY redeem_by_code ON invites FOR SELECT
  USING (code_hash = nullif(current_setting('huashu.invite_hash', true), ''));

GRANT USAGE ON SCHEMA public TO huashu_app;
GRANT SELECT, INSERT, UPDATE ON shops, reps, invites, scripts, groups, risk_words, site_profiles, proposals,
  followups, claims, usage_events, processed_changes TO huashu_app;
GRANT EXECUTE ON FUNCTION huashu_shop() TO huashu_app;

-- A claim in one round trip and one implicit transaction (the shop row lock
-- is then held only while PostgreSQL works, never across a network round
-- trip). Runs as the caller (the service's connections are SET ROLE
-- huashu_app), so row-level security applies; the shop comes from the token.
CREATE FUNCTION huashu_claim(p_shop uuid, p_rep text, p_followup text, p_new_claim text, p_lease_ms double precision)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_rep reps%ROWTYPE;
  v_seq bigint;
  v_row followups%ROWTYPE;
BEGIN
  PERFORM set_config('huashu.shop_id', p_shop::text, true);
  SELECT * INTO v_rep FROM reps WHERE id = p_rep;
  IF NOT FOUND THEN RETURN jsonb_build_object('error', 'unauthorized'); END IF;
  IF v_rep.removed_at IS NOT NULL THEN RETURN jsonb_build_object('error', 'removed'); END IF;
  SELECT seq + 1 INTO v_seq FROM shops WHERE id = p_shop FOR UPDATE;
  UPDATE followups SET
      claim_id = CASE WHEN claimed_by = p_rep AND lease_until > now() THEN claim_id ELSE p_new_claim END,
      claimed_by = p_rep,
      lease_until = now() + make_interval(secs => p_lease_ms / 1000),
      seq = v_seq, updated_at = now()
    WHERE id = p_followup AND NOT deleted AND status IN ('open', 'snoozed')
      AND (claimed_by IS NULL OR claimed_by = p_rep OR lease_until <= now())
    RETURNING * INTO v_row;
  IF FOUND THEN
    INSERT INTO claims (shop_id, id, followup_id, rep_id, lease_until)
      VALUES (p_shop, v_row.claim_id, p_followup, p_rep, v_row.lease_until)
      ON CONFLICT (shop_id, id) DO UPDATE SET lease_until = EXCLUDED.lease_until;
    UPDATE shops SET seq = v_seq WHERE id = p_shop;
    PERFORM pg_notify('huashu_changes', p_shop::text || ':' || v_seq::text);
    RETURN jsonb_build_object('ok', true, 'claimId', v_row.claim_id,
      'leaseMs', (extract(epoch FROM v_row.lease_until - now()) * 1000)::bigint,
      'leaseUntil', (extract(epoch FROM v_row.lease_until) * 1000)::bigint,
      'serverNow', (extract(epoch FROM now()) * 1000)::bigint);
  END IF;
  SELECT * INTO v_row FROM followups WHERE id = p_followup;
  IF NOT FOUND OR v_row.deleted THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;
  IF v_row.status IN ('done', 'expired') THEN RETURN jsonb_build_object('ok', false, 'code', 'closed'); END IF;
  RETURN jsonb_build_object('ok', false, 'code', 'claimed_by_other', 'heldBy', v_row.claimed_by,
    'leaseUntil', (extract(epoch FROM v_row.lease_until) * 1000)::bigint);
END $$;
GRANT EXECUTE ON FUNCTION huashu_claim(uuid, text, text, text, double precision) TO huashu_app;
