-- New recovery codes wait in the session, sealed, until they have been shown.
ALTER TABLE "staff_sessions" ADD COLUMN "recovery_codes_to_show" "bytea";