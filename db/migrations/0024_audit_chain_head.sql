-- Takes an audit chain's lock and reads its kept head in one round trip, in that order: the
-- statements of a function run one after another, and (being VOLATILE) the read takes its snapshot
-- after the lock is held, so it sees the entry of whoever held the lock before. Sending the lock and
-- the read as two statements at once is not the same: the driver may put the read first.
CREATE OR REPLACE FUNCTION lock_audit_chain(chain_name text)
  RETURNS TABLE (chain text, length integer, head_hash text, seal text)
  LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
  AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(chain_name, 0));
  RETURN QUERY SELECT h.chain, h.length, h.head_hash, h.seal FROM history_chains h WHERE h.chain = chain_name;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION lock_audit_chain(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lock_audit_chain(text) TO complaints_portal, complaints_backoffice, complaints_worker;
