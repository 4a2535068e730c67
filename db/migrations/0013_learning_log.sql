-- The learning log: learning_points reshaped for the whole feature (it held no rows), and the history of each point's status.
-- A level names exactly its area (a DB check beside the domain rule), done needs evidence, not taken forward a reason.
CREATE TABLE "learning_point_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"learning_point_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"note" text,
	"staff_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "learning_points" DROP CONSTRAINT "learning_points_point_id_complaint_points_id_fk";
--> statement-breakpoint
ALTER TABLE "learning_points" DROP CONSTRAINT "learning_points_created_by_staff_id_fk";
--> statement-breakpoint
DROP INDEX "learning_points_area_idx";--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "source_kind" text NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "source_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "learnt" text NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "action" text NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "owner_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "due_on" date NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "evidence" text;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "not_taken_forward_reason" text;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "bulletin_wording" text;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "raised_by" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "raised_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_points" ADD COLUMN "updated_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_point_updates" ADD CONSTRAINT "learning_point_updates_learning_point_id_learning_points_id_fk" FOREIGN KEY ("learning_point_id") REFERENCES "public"."learning_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_point_updates" ADD CONSTRAINT "learning_point_updates_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_point_updates_point_idx" ON "learning_point_updates" USING btree ("learning_point_id","at");--> statement-breakpoint
ALTER TABLE "learning_points" ADD CONSTRAINT "learning_points_owner_id_staff_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_points" ADD CONSTRAINT "learning_points_published_by_staff_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_points" ADD CONSTRAINT "learning_points_raised_by_staff_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_points_level_due_idx" ON "learning_points" USING btree ("level","due_on");--> statement-breakpoint
CREATE INDEX "learning_points_business_area_idx" ON "learning_points" USING btree ("business_area_id","level","due_on");--> statement-breakpoint
CREATE INDEX "learning_points_service_area_idx" ON "learning_points" USING btree ("service_area_id","level","due_on");--> statement-breakpoint
CREATE INDEX "learning_points_team_idx" ON "learning_points" USING btree ("team_id","level","due_on");--> statement-breakpoint
CREATE INDEX "learning_points_owner_idx" ON "learning_points" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "learning_points_complaint_idx" ON "learning_points" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "learning_points_published_idx" ON "learning_points" USING btree ("published_at") WHERE "learning_points"."published_at" is not null;--> statement-breakpoint
ALTER TABLE "learning_points" DROP COLUMN "point_id";--> statement-breakpoint
ALTER TABLE "learning_points" DROP COLUMN "text";--> statement-breakpoint
ALTER TABLE "learning_points" DROP COLUMN "action_to_take";--> statement-breakpoint
ALTER TABLE "learning_points" DROP COLUMN "source";--> statement-breakpoint
ALTER TABLE "learning_points" DROP COLUMN "created_by";--> statement-breakpoint
ALTER TABLE "learning_points" DROP COLUMN "created_at";--> statement-breakpoint
ALTER TABLE "learning_points" ADD CONSTRAINT "learning_points_level_area" CHECK (("learning_points"."level" = 'team' and "learning_points"."team_id" is not null and "learning_points"."service_area_id" is not null and "learning_points"."business_area_id" is not null)
       or ("learning_points"."level" = 'service_area' and "learning_points"."team_id" is null and "learning_points"."service_area_id" is not null and "learning_points"."business_area_id" is not null)
       or ("learning_points"."level" = 'business_area' and "learning_points"."team_id" is null and "learning_points"."service_area_id" is null and "learning_points"."business_area_id" is not null)
       or ("learning_points"."level" = 'national' and "learning_points"."team_id" is null and "learning_points"."service_area_id" is null and "learning_points"."business_area_id" is null));--> statement-breakpoint
ALTER TABLE "learning_points" ADD CONSTRAINT "learning_points_status" CHECK ("learning_points"."status" in ('open', 'in_progress', 'done', 'not_taken_forward'));--> statement-breakpoint
ALTER TABLE "learning_points" ADD CONSTRAINT "learning_points_source_kind" CHECK ("learning_points"."source_kind" in ('complaint', 'management_review', 'ombudsman_referral'));--> statement-breakpoint
ALTER TABLE "learning_points" ADD CONSTRAINT "learning_points_done_with_evidence" CHECK ("learning_points"."status" <> 'done' or "learning_points"."evidence" is not null);--> statement-breakpoint
ALTER TABLE "learning_points" ADD CONSTRAINT "learning_points_not_taken_forward_with_reason" CHECK ("learning_points"."status" <> 'not_taken_forward' or "learning_points"."not_taken_forward_reason" is not null);--> statement-breakpoint
ALTER TABLE "learning_points" ADD CONSTRAINT "learning_points_published_national" CHECK ("learning_points"."published_at" is null or ("learning_points"."level" = 'national' and "learning_points"."bulletin_wording" is not null));