CREATE TABLE "history_chains" (
	"chain" text PRIMARY KEY NOT NULL,
	"length" integer NOT NULL,
	"head_hash" text NOT NULL,
	"seal" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "sequence" integer;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "previous_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
-- Events written before the history key were hashed with plain SHA-256; every later one is signed.
ALTER TABLE "complaint_events" ADD COLUMN "hash_kind" text NOT NULL DEFAULT 'sha256';--> statement-breakpoint
ALTER TABLE "complaint_events" ALTER COLUMN "hash_kind" DROP DEFAULT;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_sequence_unique" ON "audit_log" USING btree ("chain","sequence");--> statement-breakpoint
-- A chain's head only grows: deleting one, or setting it back to fewer records, is refused, so the
-- newest records of a history cannot be removed quietly.
CREATE OR REPLACE FUNCTION refuse_chain_head_rewind() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.chain = OLD.chain AND NEW.length > OLD.length THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'history_chains only grows: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER history_chains_only_grow
  BEFORE UPDATE OR DELETE ON history_chains
  FOR EACH ROW EXECUTE FUNCTION refuse_chain_head_rewind();
--> statement-breakpoint
CREATE TRIGGER history_chains_no_truncate
  BEFORE TRUNCATE ON history_chains
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_chain_head_rewind();
--> statement-breakpoint
-- Emptying the history or the audit log at one stroke is refused like deleting their rows.
CREATE TRIGGER complaint_events_no_truncate
  BEFORE TRUNCATE ON complaint_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
-- No session setting opens the history or the audit log any more: whatever removes records on a
-- schedule will do it through a function of its own that checks who calls it.
CREATE OR REPLACE FUNCTION refuse_history_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
