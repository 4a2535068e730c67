-- The roles each part of the service connects as, besides the owner that runs these migrations.
-- They are group roles without a password: a deployment makes a login role in each (see the README's
-- production set-up). Roles belong to the whole PostgreSQL server, so another database on it may
-- have made them already, or be making them at this moment.
DO $$
DECLARE
  part text;
BEGIN
  FOREACH part IN ARRAY ARRAY['complaints_portal', 'complaints_backoffice', 'complaints_worker'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = part) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', part);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;
END
$$;
