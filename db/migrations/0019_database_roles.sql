-- The roles each part of the service connects as, besides the owner that runs these migrations.
-- They are group roles without a password: a deployment makes a login role in each (see the README's
-- production set-up). Roles belong to the whole PostgreSQL server, so they are made only when missing.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'complaints_portal') THEN
    CREATE ROLE complaints_portal NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'complaints_backoffice') THEN
    CREATE ROLE complaints_backoffice NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'complaints_worker') THEN
    CREATE ROLE complaints_worker NOLOGIN;
  END IF;
END
$$;
