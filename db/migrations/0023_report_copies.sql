DROP INDEX "complaints_open_until_idx";--> statement-breakpoint
DROP INDEX "complaint_events_type_idx";--> statement-breakpoint
ALTER TABLE "complaint_points" ADD COLUMN "raised_on" date;--> statement-breakpoint
ALTER TABLE "complaint_points" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "complaint_points" ADD COLUMN "business_area_id" uuid;--> statement-breakpoint
ALTER TABLE "complaint_points" ADD COLUMN "service_area_id" uuid;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD COLUMN "business_area_id" uuid;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD COLUMN "service_area_id" uuid;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "open_until" timestamp with time zone GENERATED ALWAYS AS (least(coalesce(closed_at, 'infinity'), coalesce(withdrawn_at, 'infinity'))) STORED;--> statement-breakpoint
ALTER TABLE "point_answers" ADD COLUMN "response_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "point_answers" ADD COLUMN "category_key" text;--> statement-breakpoint
ALTER TABLE "point_answers" ADD COLUMN "business_area_id" uuid;--> statement-breakpoint
ALTER TABLE "point_answers" ADD COLUMN "service_area_id" uuid;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD COLUMN "business_area_id" uuid;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD COLUMN "service_area_id" uuid;--> statement-breakpoint
ALTER TABLE "ombudsman_referrals" ADD COLUMN "business_area_id" uuid;--> statement-breakpoint
ALTER TABLE "ombudsman_referrals" ADD COLUMN "service_area_id" uuid;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "business_area_id" uuid;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "service_area_id" uuid;--> statement-breakpoint
-- The stages and points carry copies of what the quarterly report counts them by: the complaint's
-- kind, channel and areas, and (for a point) the day the stage it was raised at started. The
-- database keeps the copies equal to their sources in the same statement that changes either, by
-- the triggers below, so no code path can leave them behind; the report then counts stages and
-- points without reading the complaints.
UPDATE "complaint_stages" s
   SET "kind" = c."kind", "channel" = c."channel", "business_area_id" = c."business_area_id",
       "service_area_id" = c."service_area_id", "team_id" = c."team_id"
  FROM "complaints" c
 WHERE c."id" = s."complaint_id";--> statement-breakpoint
UPDATE "complaint_points" p
   SET "kind" = c."kind", "business_area_id" = c."business_area_id", "service_area_id" = c."service_area_id",
       "raised_on" = (SELECT s."started_on" FROM "complaint_stages" s WHERE s."complaint_id" = p."complaint_id" AND s."stage" = p."raised_at_stage")
  FROM "complaints" c
 WHERE c."id" = p."complaint_id";--> statement-breakpoint
UPDATE "point_answers" a
   SET "category_key" = p."category_key", "business_area_id" = p."business_area_id", "service_area_id" = p."service_area_id",
       "response_sent_at" = (SELECT s."response_sent_at" FROM "complaint_stages" s WHERE s."complaint_id" = p."complaint_id" AND s."stage" = a."stage")
  FROM "complaint_points" p
 WHERE p."id" = a."point_id";--> statement-breakpoint
UPDATE "management_reviews" r SET "business_area_id" = c."business_area_id", "service_area_id" = c."service_area_id"
  FROM "complaints" c WHERE c."id" = r."complaint_id";--> statement-breakpoint
UPDATE "ombudsman_referrals" r SET "business_area_id" = c."business_area_id", "service_area_id" = c."service_area_id"
  FROM "complaints" c WHERE c."id" = r."complaint_id";--> statement-breakpoint
UPDATE "survey_responses" r SET "business_area_id" = c."business_area_id", "service_area_id" = c."service_area_id"
  FROM "complaints" c WHERE c."id" = r."complaint_id";--> statement-breakpoint
-- The functions run as their owner (security definer, with the search path fixed as it is now), so
-- a part allowed to write a stage or a point but not to read every complaint still gets the copies;
-- and with PostgreSQL's usual plan caching, so that a connection set to plan each statement afresh
-- does not plan their lookups again for every row of a large insert.
CREATE OR REPLACE FUNCTION complaint_stage_copies() RETURNS trigger AS $$
BEGIN
  SELECT c.kind, c.channel, c.business_area_id, c.service_area_id, c.team_id
    INTO NEW.kind, NEW.channel, NEW.business_area_id, NEW.service_area_id, NEW.team_id
    FROM complaints c WHERE c.id = NEW.complaint_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET plan_cache_mode = auto;
--> statement-breakpoint
CREATE TRIGGER complaint_stages_copies
  BEFORE INSERT OR UPDATE OF complaint_id, kind, channel, business_area_id, service_area_id, team_id ON complaint_stages
  FOR EACH ROW EXECUTE FUNCTION complaint_stage_copies();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION complaint_point_copies() RETURNS trigger AS $$
BEGIN
  SELECT c.kind, c.business_area_id, c.service_area_id, s.started_on
    INTO NEW.kind, NEW.business_area_id, NEW.service_area_id, NEW.raised_on
    FROM complaints c
    LEFT JOIN complaint_stages s ON s.complaint_id = c.id AND s.stage = NEW.raised_at_stage
   WHERE c.id = NEW.complaint_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET plan_cache_mode = auto;
--> statement-breakpoint
CREATE TRIGGER complaint_points_copies
  BEFORE INSERT OR UPDATE OF complaint_id, raised_at_stage, raised_on, kind, business_area_id, service_area_id ON complaint_points
  FOR EACH ROW EXECUTE FUNCTION complaint_point_copies();
--> statement-breakpoint
-- A stage started (or its start moved): the points raised at it take its day.
CREATE OR REPLACE FUNCTION complaint_stage_to_points() RETURNS trigger AS $$
BEGIN
  UPDATE complaint_points SET raised_on = NEW.started_on
   WHERE complaint_id = NEW.complaint_id AND raised_at_stage = NEW.stage AND raised_on IS DISTINCT FROM NEW.started_on;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET plan_cache_mode = auto;
--> statement-breakpoint
CREATE TRIGGER complaint_stages_to_points
  AFTER INSERT OR UPDATE OF started_on, stage ON complaint_stages
  FOR EACH ROW EXECUTE FUNCTION complaint_stage_to_points();
--> statement-breakpoint
-- An answer to a point: when its stage's response went, and its point's category and areas.
CREATE OR REPLACE FUNCTION point_answer_copies() RETURNS trigger AS $$
BEGIN
  SELECT p.category_key, p.business_area_id, p.service_area_id, s.response_sent_at
    INTO NEW.category_key, NEW.business_area_id, NEW.service_area_id, NEW.response_sent_at
    FROM complaint_points p
    LEFT JOIN complaint_stages s ON s.complaint_id = p.complaint_id AND s.stage = NEW.stage
   WHERE p.id = NEW.point_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET plan_cache_mode = auto;
--> statement-breakpoint
CREATE TRIGGER point_answers_copies
  BEFORE INSERT OR UPDATE OF point_id, stage, response_sent_at, category_key, business_area_id, service_area_id ON point_answers
  FOR EACH ROW EXECUTE FUNCTION point_answer_copies();
--> statement-breakpoint
-- A point's category or areas changed: its answers take them.
CREATE OR REPLACE FUNCTION complaint_point_to_answers() RETURNS trigger AS $$
BEGIN
  UPDATE point_answers SET category_key = NEW.category_key, business_area_id = NEW.business_area_id, service_area_id = NEW.service_area_id
   WHERE point_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET plan_cache_mode = auto;
--> statement-breakpoint
CREATE TRIGGER complaint_points_to_answers
  AFTER UPDATE OF category_key, business_area_id, service_area_id ON complaint_points
  FOR EACH ROW
  WHEN ((OLD.category_key, OLD.business_area_id, OLD.service_area_id) IS DISTINCT FROM (NEW.category_key, NEW.business_area_id, NEW.service_area_id))
  EXECUTE FUNCTION complaint_point_to_answers();
--> statement-breakpoint
-- A stage's response sent (or its sending undone): the answers given at that stage take the time.
CREATE OR REPLACE FUNCTION complaint_stage_to_answers() RETURNS trigger AS $$
BEGIN
  UPDATE point_answers a SET response_sent_at = NEW.response_sent_at
    FROM complaint_points p
   WHERE p.complaint_id = NEW.complaint_id AND a.point_id = p.id AND a.stage = NEW.stage
     AND a.response_sent_at IS DISTINCT FROM NEW.response_sent_at;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET plan_cache_mode = auto;
--> statement-breakpoint
CREATE TRIGGER complaint_stages_to_answers
  AFTER UPDATE OF response_sent_at ON complaint_stages
  FOR EACH ROW
  WHEN (OLD.response_sent_at IS DISTINCT FROM NEW.response_sent_at)
  EXECUTE FUNCTION complaint_stage_to_answers();
--> statement-breakpoint
-- Reviews, referrals to the Ombudsman and surveys: their complaint's areas.
CREATE OR REPLACE FUNCTION complaint_area_copies() RETURNS trigger AS $$
BEGIN
  SELECT c.business_area_id, c.service_area_id INTO NEW.business_area_id, NEW.service_area_id
    FROM complaints c WHERE c.id = NEW.complaint_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET plan_cache_mode = auto;
--> statement-breakpoint
CREATE TRIGGER management_reviews_copies
  BEFORE INSERT OR UPDATE OF complaint_id, business_area_id, service_area_id ON management_reviews
  FOR EACH ROW EXECUTE FUNCTION complaint_area_copies();
--> statement-breakpoint
CREATE TRIGGER ombudsman_referrals_copies
  BEFORE INSERT OR UPDATE OF complaint_id, business_area_id, service_area_id ON ombudsman_referrals
  FOR EACH ROW EXECUTE FUNCTION complaint_area_copies();
--> statement-breakpoint
CREATE TRIGGER survey_responses_copies
  BEFORE INSERT OR UPDATE OF complaint_id, business_area_id, service_area_id ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION complaint_area_copies();
--> statement-breakpoint
-- A complaint's kind, channel, areas or team changed: its stages, points, reviews, referrals and
-- surveys take the new values.
CREATE OR REPLACE FUNCTION complaint_copies_follow() RETURNS trigger AS $$
BEGIN
  UPDATE complaint_stages
     SET kind = NEW.kind, channel = NEW.channel, business_area_id = NEW.business_area_id,
         service_area_id = NEW.service_area_id, team_id = NEW.team_id
   WHERE complaint_id = NEW.id;
  UPDATE complaint_points
     SET kind = NEW.kind, business_area_id = NEW.business_area_id, service_area_id = NEW.service_area_id
   WHERE complaint_id = NEW.id;
  UPDATE management_reviews SET business_area_id = NEW.business_area_id, service_area_id = NEW.service_area_id WHERE complaint_id = NEW.id;
  UPDATE ombudsman_referrals SET business_area_id = NEW.business_area_id, service_area_id = NEW.service_area_id WHERE complaint_id = NEW.id;
  UPDATE survey_responses SET business_area_id = NEW.business_area_id, service_area_id = NEW.service_area_id WHERE complaint_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET plan_cache_mode = auto;
--> statement-breakpoint
CREATE TRIGGER complaints_copies_follow
  AFTER UPDATE OF kind, channel, business_area_id, service_area_id, team_id ON complaints
  FOR EACH ROW
  WHEN ((OLD.kind, OLD.channel, OLD.business_area_id, OLD.service_area_id, OLD.team_id)
        IS DISTINCT FROM (NEW.kind, NEW.channel, NEW.business_area_id, NEW.service_area_id, NEW.team_id))
  EXECUTE FUNCTION complaint_copies_follow();
--> statement-breakpoint
CREATE INDEX "complaint_points_report_idx" ON "complaint_points" USING btree ("raised_on","kind","category_key","practitioner_id");--> statement-breakpoint
CREATE INDEX "complaint_points_area_report_idx" ON "complaint_points" USING btree ("service_area_id","raised_on","kind","category_key","practitioner_id");--> statement-breakpoint
CREATE INDEX "complaint_stages_area_started_idx" ON "complaint_stages" USING btree ("service_area_id","started_on");--> statement-breakpoint
CREATE INDEX "complaint_stages_area_sent_idx" ON "complaint_stages" USING btree ("service_area_id","response_sent_at");--> statement-breakpoint
CREATE INDEX "point_answers_report_idx" ON "point_answers" USING btree ("response_sent_at","stage","category_key","decision");--> statement-breakpoint
CREATE INDEX "point_answers_area_report_idx" ON "point_answers" USING btree ("service_area_id","response_sent_at","stage","category_key","decision");--> statement-breakpoint
CREATE INDEX "learning_points_raised_idx" ON "learning_points" USING btree ("raised_at");--> statement-breakpoint
CREATE INDEX "management_reviews_completed_idx" ON "management_reviews" USING btree ("completed_at");--> statement-breakpoint
CREATE INDEX "survey_responses_invited_idx" ON "survey_responses" USING btree ("invited_at");--> statement-breakpoint
CREATE INDEX "survey_responses_answered_idx" ON "survey_responses" USING btree ("answered_at");--> statement-breakpoint
CREATE INDEX "complaints_open_until_idx" ON "complaints" USING btree ("open_until","kind","received_on","stage","id","channel","service_area_id","business_area_id");--> statement-breakpoint
CREATE INDEX "complaint_events_type_idx" ON "complaint_events" USING btree ("type","occurred_at","complaint_id","stage");
