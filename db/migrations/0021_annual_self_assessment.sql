CREATE TABLE "annual_self_assessments" (
	"start_year" integer PRIMARY KEY NOT NULL,
	"assessment" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_self_assessments" ADD CONSTRAINT "annual_self_assessments_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The start year is a calendar year; the text is an object of the procedure's headings.
ALTER TABLE "annual_self_assessments" ADD CONSTRAINT "annual_self_assessments_start_year_range" CHECK ("start_year" BETWEEN 1 AND 9999);
--> statement-breakpoint
ALTER TABLE "annual_self_assessments" ADD CONSTRAINT "annual_self_assessments_assessment_object" CHECK (jsonb_typeof("assessment") = 'object');
--> statement-breakpoint
-- Only the back office writes and reads the self-assessment (national office, for the annual report).
GRANT SELECT, INSERT, UPDATE ON annual_self_assessments TO complaints_backoffice;
