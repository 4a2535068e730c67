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
--> statement-breakpoint
-- What each part may do, and no more. Every table made by a later migration is granted there.
-- The owner (who runs the migrations) alone may change the schema, and alone may update or delete
-- the complaint history (complaint_events) and the audit log: no part is granted either.
--
-- The portal serves the public. It never reads staff accounts, staff sessions, recovery codes or the
-- audit log. What its pages show of staff (the complainant's manager, who did what on the tracking
-- page) comes from the view staff_contacts: name, job title, work email and phone, where they work,
-- and whether they are active. A view runs with its owner's rights, so granting it gives those
-- columns and nothing else of the table.
CREATE OR REPLACE VIEW staff_contacts AS
  SELECT id, full_name, job_title, email, phone, business_area_id, service_area_id, team_id, active FROM staff;
--> statement-breakpoint
-- Every part, the portal included, refuses to start outside demo mode while a demo account exists.
-- The portal may not read staff, so it asks this function, which answers yes or no and nothing more.
CREATE OR REPLACE FUNCTION has_demo_staff() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM staff WHERE is_demo) $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION has_demo_staff() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION has_demo_staff() TO complaints_portal, complaints_backoffice, complaints_worker;
--> statement-breakpoint
-- Every part reads the organisation and the reference lists, and the migrations' own record, so
-- that a part that does not migrate can tell whether the schema is current.
GRANT USAGE ON SCHEMA drizzle TO complaints_portal, complaints_backoffice, complaints_worker;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO complaints_portal, complaints_backoffice, complaints_worker;
--> statement-breakpoint
GRANT SELECT ON business_areas, service_areas, teams, roles, practitioners, point_categories, timescale_settings,
  non_working_days, casework_settings, quality_framework_versions, letter_templates, staff_contacts
  TO complaints_portal, complaints_backoffice, complaints_worker;
--> statement-breakpoint
-- History and audit are append-only for every part: read (not the portal, for the audit log) and add.
-- history_chains keeps each chain's length and newest signature; adding a record moves its head on,
-- which is an UPDATE. The trigger from 0018 lets a head only grow (longer, never shorter, and its
-- rows never deleted), so UPDATE there cannot remove history.
GRANT SELECT, INSERT ON complaint_events TO complaints_portal, complaints_backoffice, complaints_worker;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE complaint_events_id_seq, audit_log_id_seq TO complaints_portal, complaints_backoffice, complaints_worker;
--> statement-breakpoint
GRANT INSERT ON audit_log TO complaints_portal;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO complaints_backoffice, complaints_worker;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON history_chains TO complaints_portal, complaints_backoffice, complaints_worker;
--> statement-breakpoint
-- The portal: the complaint form and its drafts and files, the tracking page (codes, sessions, the
-- complainant's moves: more information, a review, withdrawing, the survey), and the emails these
-- queue. Locking a row (SELECT ... FOR UPDATE) needs UPDATE on it.
GRANT SELECT, INSERT, UPDATE, DELETE ON form_drafts, attachments, rate_limits, tracking_challenges, tracking_sessions
  TO complaints_portal;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON complaints, complainants, complaint_points, complaint_stages, move_submissions,
  survey_responses, outbox, correspondence TO complaints_portal;
--> statement-breakpoint
GRANT SELECT, UPDATE ON letters TO complaints_portal;
--> statement-breakpoint
GRANT SELECT ON letter_versions, point_answers, complaint_actions, tracking_codes TO complaints_portal;
--> statement-breakpoint
-- The lifecycle's guards ask whether the closure check passed, and nothing else of a review: its
-- outcome, never the reviewer's comments.
GRANT SELECT (complaint_id, kind, stage, outcome, reviewed_at) ON quality_reviews TO complaints_portal;
--> statement-breakpoint
-- The back office: all casework, letters, reviews, the learning log, staff accounts, their sessions
-- and second factors, settings and the organisation.
GRANT SELECT, INSERT, UPDATE, DELETE ON
  attachments, business_areas, case_notes, casework_settings, complainant_corrections, complainants, complaint_actions,
  complaint_points, complaint_stages, complaints, correspondence, form_drafts, learning_point_updates, learning_points,
  letter_templates, letter_versions, letters, management_reviews, move_submissions, non_working_days, ombudsman_enquiries,
  ombudsman_recommendations, ombudsman_referrals, outbox, point_answers, point_categories, practitioners,
  quality_framework_versions, quality_reviews, rate_limits, roles, service_areas, staff, staff_recovery_codes,
  staff_sessions, survey_responses, teams, timescale_settings, tracking_challenges, tracking_codes, tracking_sessions
  TO complaints_backoffice;
--> statement-breakpoint
-- The worker: reads what the reminders, warnings and the history check need; sends the outbox;
-- clears what has expired (drafts and their files, tracking challenges, rate-limit windows, staff
-- sessions). It may delete no complaint.
GRANT SELECT ON
  attachments, case_notes, complainant_corrections, complainants, complaint_actions, complaint_points, complaint_stages,
  complaints, correspondence, form_drafts, learning_point_updates, learning_points, letter_versions, letters,
  management_reviews, move_submissions, ombudsman_enquiries, ombudsman_recommendations, ombudsman_referrals, outbox,
  point_answers, quality_reviews, rate_limits, staff, staff_sessions, survey_responses, tracking_challenges,
  tracking_codes, tracking_sessions
  TO complaints_worker;
--> statement-breakpoint
GRANT INSERT, UPDATE ON outbox TO complaints_worker;
--> statement-breakpoint
GRANT DELETE ON form_drafts, attachments, tracking_challenges, rate_limits, staff_sessions TO complaints_worker;
