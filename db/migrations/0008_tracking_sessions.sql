CREATE TABLE "move_submissions" (
	"key" text PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"move" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "tracking_challenges" ADD COLUMN "token_hash" text;--> statement-breakpoint
ALTER TABLE "tracking_challenges" ADD COLUMN "reference" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "move_submissions" ADD CONSTRAINT "move_submissions_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_sessions" ADD CONSTRAINT "tracking_sessions_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tracking_sessions_complaint_idx" ON "tracking_sessions" USING btree ("complaint_id");--> statement-breakpoint
ALTER TABLE "tracking_challenges" ADD CONSTRAINT "tracking_challenges_token_hash_unique" UNIQUE("token_hash");