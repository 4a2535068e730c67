DROP INDEX "complaint_stages_area_started_idx";--> statement-breakpoint
DROP INDEX "complaint_stages_area_sent_idx";--> statement-breakpoint
DROP INDEX "complaints_service_area_idx";--> statement-breakpoint
DROP INDEX "complaints_received_idx";--> statement-breakpoint
DROP INDEX "complaints_service_area_report_idx";--> statement-breakpoint
CREATE INDEX "management_reviews_area_completed_idx" ON "management_reviews" USING btree ("service_area_id","completed_at","practitioner_id","team_id","overall_grade");--> statement-breakpoint
CREATE INDEX "ombudsman_referrals_area_idx" ON "ombudsman_referrals" USING btree ("service_area_id","referred_on");--> statement-breakpoint
CREATE INDEX "survey_responses_area_invited_idx" ON "survey_responses" USING btree ("service_area_id","invited_at");--> statement-breakpoint
CREATE INDEX "survey_responses_area_answered_idx" ON "survey_responses" USING btree ("service_area_id","answered_at");--> statement-breakpoint
CREATE INDEX "complaint_stages_area_started_idx" ON "complaint_stages" USING btree ("service_area_id","started_on","kind","channel","stage","acknowledged_at","assigned_at","pass_to_manager_due_on");--> statement-breakpoint
CREATE INDEX "complaint_stages_area_sent_idx" ON "complaint_stages" USING btree ("service_area_id","response_sent_at","kind","channel","stage","team_id","started_on","response_due_on","paused_working_days","extended_at");--> statement-breakpoint
CREATE INDEX "complaints_service_area_idx" ON "complaints" USING btree ("service_area_id","received_on","kind","team_id");--> statement-breakpoint
CREATE INDEX "complaints_received_idx" ON "complaints" USING btree ("received_on","kind","team_id");--> statement-breakpoint
CREATE INDEX "complaints_service_area_report_idx" ON "complaints" USING btree ("service_area_id","open_until","kind","received_on","stage","id","channel");