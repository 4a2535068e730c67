-- Appends an audit entry in one statement when the caller already knows the chain's head: takes the
-- chain's lock, checks that the head is still the one the entry was signed after, then writes the
-- entry and the chain's new head. When the head has moved on (another process wrote to the chain,
-- or the caller's knowledge is out of date) it writes nothing and returns false, and the caller
-- continues the chain the long way (lock_audit_chain, then the writes, in a transaction).
CREATE OR REPLACE FUNCTION append_audit_entry(
  chain_name text,
  known_length integer,
  known_head_hash text,
  entry_occurred_at timestamptz,
  entry_staff_id uuid,
  entry_action text,
  entry_complaint_id uuid,
  entry_subject text,
  entry_request_id text,
  entry_hash text,
  new_head_seal text
)
  RETURNS boolean
  LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
  AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(chain_name, 0));
  PERFORM 1 FROM history_chains h WHERE h.chain = chain_name AND h.length = known_length AND h.head_hash = known_head_hash;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  INSERT INTO audit_log (occurred_at, staff_id, action, complaint_id, subject, request_id, chain, sequence, previous_hash, hash)
    VALUES (entry_occurred_at, entry_staff_id, entry_action, entry_complaint_id, entry_subject, entry_request_id, chain_name, known_length + 1, known_head_hash, entry_hash);
  UPDATE history_chains SET length = known_length + 1, head_hash = entry_hash, seal = new_head_seal, updated_at = now() WHERE chain = chain_name;
  RETURN true;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION append_audit_entry(text, integer, text, timestamptz, uuid, text, uuid, text, text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION append_audit_entry(text, integer, text, timestamptz, uuid, text, uuid, text, text, text, text) TO complaints_portal, complaints_backoffice, complaints_worker;
