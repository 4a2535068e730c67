CREATE TABLE "history_rewrites" (
	"txid" bigint PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"years" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The period is whole years, 1 to 50 (the domain's MIN_RETENTION_YEARS and MAX_RETENTION_YEARS).
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_years_range" CHECK ("years" BETWEEN 1 AND 50);
--> statement-breakpoint
-- Retention anonymises a complaint once its schedule has run out. Its history stays whole: each
-- event's free-text reason is cleared and the events are signed again by the worker, which holds
-- the history key. The append-only triggers let that through only while history_rewrites holds a
-- row for the current transaction and that complaint, and only the owner can write that table:
-- the function below (SECURITY DEFINER) inserts the row and removes it before it returns. No
-- session setting opens the triggers.
CREATE OR REPLACE FUNCTION refuse_history_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'complaint_events' THEN
    IF EXISTS (SELECT 1 FROM history_rewrites r WHERE r.txid = txid_current() AND r.complaint_id = OLD.complaint_id)
      AND NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id AND NEW.sequence = OLD.sequence
      AND NEW.type = OLD.type AND NEW.stage = OLD.stage AND NEW.actor_type = OLD.actor_type
      AND NEW.actor_staff_id IS NOT DISTINCT FROM OLD.actor_staff_id AND NEW.occurred_at = OLD.occurred_at
      AND NEW.visibility = OLD.visibility AND NEW.payload = OLD.payload AND NEW.hash_kind = OLD.hash_kind
      AND NEW.reason IS NULL THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A kept head still only grows, except that retention may replace a complaint's head at the same
-- length, in the same opening.
CREATE OR REPLACE FUNCTION refuse_chain_head_rewind() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.chain = OLD.chain AND NEW.length > OLD.length THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.chain = OLD.chain AND NEW.length = OLD.length
      AND EXISTS (SELECT 1 FROM history_rewrites r WHERE r.txid = txid_current() AND 'complaint:' || r.complaint_id::text = OLD.chain) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'history_chains only grows: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Clears the reasons of an expired complaint's events and keeps the signatures the worker made for
-- them and the chain's new head. Refuses a caller who is not the worker (nor the owner), a
-- complaint not closed or withdrawn longer ago than the schedule (by the earlier of the time given
-- and the database's own), and signatures that do not cover every event. Returns how many events
-- it signed again.
CREATE OR REPLACE FUNCTION rewrite_expired_history(p_complaint_id uuid, p_as_of timestamptz, p_events jsonb, p_head_hash text, p_head_seal text)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_ended timestamptz;
  v_years integer;
  v_count integer;
  v_changed integer;
BEGIN
  IF NOT (pg_has_role(session_user, 'complaints_worker', 'MEMBER') OR pg_has_role(session_user, current_user, 'MEMBER')) THEN
    RAISE EXCEPTION 'only the worker may rewrite a complaint''s history for retention'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT coalesce(c.closed_at, c.withdrawn_at) INTO v_ended
    FROM complaints c WHERE c.id = p_complaint_id AND c.state IN ('closed', 'withdrawn') FOR UPDATE;
  SELECT s.years INTO v_years FROM retention_settings s WHERE s.key = 'complaints';
  v_years := coalesce(v_years, 6);
  IF v_ended IS NULL OR v_ended >= least(p_as_of, now()) - make_interval(years => v_years) THEN
    RAISE EXCEPTION 'complaint % has not reached the end of its retention', p_complaint_id
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT count(*) INTO v_count FROM complaint_events e WHERE e.complaint_id = p_complaint_id;
  IF jsonb_typeof(p_events) <> 'array' OR jsonb_array_length(p_events) <> v_count THEN
    RAISE EXCEPTION 'the signatures given do not cover every event of complaint %', p_complaint_id
      USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO history_rewrites (txid, complaint_id) VALUES (txid_current(), p_complaint_id);
  UPDATE complaint_events e
    SET reason = NULL, previous_hash = x.previous_hash, hash = x.hash
    FROM jsonb_to_recordset(p_events) AS x(sequence integer, previous_hash text, hash text)
    WHERE e.complaint_id = p_complaint_id AND e.sequence = x.sequence AND x.hash IS NOT NULL;
  GET DIAGNOSTICS v_changed = ROW_COUNT;
  IF v_changed <> v_count THEN
    RAISE EXCEPTION 'the signatures given do not match the events of complaint %', p_complaint_id
      USING ERRCODE = 'check_violation';
  END IF;
  IF v_count > 0 THEN
    UPDATE history_chains h SET head_hash = p_head_hash, seal = p_head_seal, updated_at = now()
      WHERE h.chain = 'complaint:' || p_complaint_id::text AND h.length = v_count;
    GET DIAGNOSTICS v_changed = ROW_COUNT;
    IF v_changed <> 1 THEN
      RAISE EXCEPTION 'complaint %''s kept head does not match its events', p_complaint_id
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  DELETE FROM history_rewrites r WHERE r.txid = txid_current();
  RETURN v_count;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION rewrite_expired_history(uuid, timestamptz, jsonb, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rewrite_expired_history(uuid, timestamptz, jsonb, text, text) TO complaints_worker;
--> statement-breakpoint
-- history_rewrites is the owner's alone: no part is granted anything on it.
REVOKE ALL ON history_rewrites FROM PUBLIC;
--> statement-breakpoint
-- The period: the worker reads it; national office sees and changes it in the back office.
GRANT SELECT, INSERT, UPDATE ON retention_settings TO complaints_backoffice;
--> statement-breakpoint
GRANT SELECT ON retention_settings TO complaints_worker;
--> statement-breakpoint
-- The worker anonymises what an expired complaint holds, in place.
GRANT UPDATE ON
  complainants, complaints, complaint_points, complaint_stages, point_answers, complaint_actions, letters, letter_versions,
  quality_reviews, case_notes, correspondence, complainant_corrections, management_reviews, ombudsman_referrals,
  ombudsman_enquiries, ombudsman_recommendations, survey_responses, tracking_codes, tracking_sessions, move_submissions
  TO complaints_worker;
