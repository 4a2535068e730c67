CREATE TABLE "ombudsman_enquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"summary" text,
	"due_on" date NOT NULL,
	"replied_on" date,
	"reply" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ombudsman_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"action" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"evidence" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_framework_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"items" jsonb NOT NULL,
	"grades" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The framework in use becomes its first version (an installation seeded before versions has one).
INSERT INTO "quality_framework_versions" ("version", "items", "grades")
SELECT 1,
  (SELECT jsonb_agg(jsonb_build_object('key', "key", 'dimension', "dimension", 'labelEn', "label_en", 'labelCy', "label_cy", 'descriptionEn', "description_en", 'descriptionCy', "description_cy") ORDER BY "position", "key") FROM "quality_framework_items" WHERE "active"),
  (SELECT jsonb_agg(jsonb_build_object('key', "key", 'labelEn', "label_en", 'labelCy', "label_cy") ORDER BY "position", "key") FROM "quality_grades")
WHERE EXISTS (SELECT 1 FROM "quality_framework_items" WHERE "active") AND EXISTS (SELECT 1 FROM "quality_grades");--> statement-breakpoint
-- Each referral's single reply date becomes its first enquiry, received the day of the referral.
INSERT INTO "ombudsman_enquiries" ("referral_id", "complaint_id", "received_on", "due_on", "created_at")
SELECT "id", "complaint_id", "referred_on", "reply_due_on", "created_at" FROM "ombudsman_referrals" WHERE "reply_due_on" IS NOT NULL;--> statement-breakpoint
-- A complaint with the Ombudsman is due when its earliest unanswered enquiry is.
UPDATE "complaints" SET "current_due_on" = (
  SELECT min(e."due_on") FROM "ombudsman_enquiries" e JOIN "ombudsman_referrals" r ON r."id" = e."referral_id"
  WHERE e."complaint_id" = "complaints"."id" AND e."replied_on" IS NULL AND r."finding" IS NULL
) WHERE "state" = 'with_ombudsman';--> statement-breakpoint
ALTER TABLE "management_reviews" DROP CONSTRAINT "management_reviews_overall_grade_quality_grades_key_fk";
--> statement-breakpoint
DROP TABLE "quality_framework_items" CASCADE;--> statement-breakpoint
DROP TABLE "quality_grades" CASCADE;--> statement-breakpoint
DROP INDEX "ombudsman_referrals_reply_due_idx";--> statement-breakpoint
ALTER TABLE "management_reviews" ADD COLUMN "framework_version" integer;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD COLUMN "point_id" uuid;--> statement-breakpoint
-- Reviews made before versions were kept were all made against the first.
UPDATE "management_reviews" SET "framework_version" = 1 WHERE EXISTS (SELECT 1 FROM "quality_framework_versions" WHERE "version" = 1);--> statement-breakpoint
ALTER TABLE "ombudsman_enquiries" ADD CONSTRAINT "ombudsman_enquiries_referral_id_ombudsman_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."ombudsman_referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ombudsman_enquiries" ADD CONSTRAINT "ombudsman_enquiries_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ombudsman_recommendations" ADD CONSTRAINT "ombudsman_recommendations_referral_id_ombudsman_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."ombudsman_referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ombudsman_recommendations" ADD CONSTRAINT "ombudsman_recommendations_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_framework_versions" ADD CONSTRAINT "quality_framework_versions_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ombudsman_enquiries_referral_idx" ON "ombudsman_enquiries" USING btree ("referral_id","due_on");--> statement-breakpoint
CREATE INDEX "ombudsman_enquiries_owed_idx" ON "ombudsman_enquiries" USING btree ("due_on") WHERE "ombudsman_enquiries"."replied_on" is null;--> statement-breakpoint
CREATE INDEX "ombudsman_recommendations_referral_idx" ON "ombudsman_recommendations" USING btree ("referral_id","position");--> statement-breakpoint
ALTER TABLE "management_reviews" ADD CONSTRAINT "management_reviews_framework_version_quality_framework_versions_version_fk" FOREIGN KEY ("framework_version") REFERENCES "public"."quality_framework_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD CONSTRAINT "management_reviews_point_id_complaint_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."complaint_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ombudsman_referrals" DROP COLUMN "reply_due_on";--> statement-breakpoint
ALTER TABLE "ombudsman_referrals" DROP COLUMN "enquiries";