CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"attachment_id" uuid,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complainant_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"changes" jsonb NOT NULL,
	"reason" text NOT NULL,
	"corrected_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correspondence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"method" text NOT NULL,
	"occurred_on" date NOT NULL,
	"summary" text NOT NULL,
	"adds_information" boolean DEFAULT false NOT NULL,
	"attachment_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"template_id" uuid,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"document" jsonb NOT NULL,
	"message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "casework_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "complaint_actions" ADD COLUMN "stage" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaint_actions" ADD COLUMN "owner_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "recipient" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "message" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "version_made_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "last_changed_by" uuid;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "approved_automatically" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "quality_reviews" ADD COLUMN "letter_version" integer;--> statement-breakpoint
ALTER TABLE "quality_reviews" ADD COLUMN "stage" smallint;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_staff_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complainant_corrections" ADD CONSTRAINT "complainant_corrections_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complainant_corrections" ADD CONSTRAINT "complainant_corrections_corrected_by_staff_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence" ADD CONSTRAINT "correspondence_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence" ADD CONSTRAINT "correspondence_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence" ADD CONSTRAINT "correspondence_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_versions" ADD CONSTRAINT "letter_versions_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_versions" ADD CONSTRAINT "letter_versions_template_id_letter_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."letter_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_versions" ADD CONSTRAINT "letter_versions_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "casework_settings" ADD CONSTRAINT "casework_settings_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_notes_complaint_idx" ON "case_notes" USING btree ("complaint_id","created_at");--> statement-breakpoint
CREATE INDEX "complainant_corrections_complaint_idx" ON "complainant_corrections" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "correspondence_complaint_idx" ON "correspondence" USING btree ("complaint_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_versions_unique" ON "letter_versions" USING btree ("letter_id","version");--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_last_changed_by_staff_id_fk" FOREIGN KEY ("last_changed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "letters" SET "version_made_at" = "created_at", "last_changed_by" = "created_by";--> statement-breakpoint
-- Until now the letter that told someone who is not a service user we had their letter was filed as
-- the reply itself; it is the acknowledgement, and the reply is a letter of its own.
UPDATE "letter_templates" SET "kind" = 'non_service_user_acknowledgement' WHERE "kind" = 'non_service_user_reply';--> statement-breakpoint
UPDATE "letters" SET "kind" = 'non_service_user_acknowledgement' WHERE "kind" = 'non_service_user_reply';
