CREATE INDEX "complaint_stages_started_idx" ON "complaint_stages" USING btree ("started_on");--> statement-breakpoint
CREATE INDEX "complaint_stages_response_sent_idx" ON "complaint_stages" USING btree ("response_sent_at");--> statement-breakpoint
CREATE INDEX "complaints_open_until_idx" ON "complaints" USING btree (least(coalesce("closed_at", 'infinity'), coalesce("withdrawn_at", 'infinity')));--> statement-breakpoint
CREATE INDEX "complaints_service_area_report_idx" ON "complaints" USING btree ("service_area_id","id","kind","channel","team_id");--> statement-breakpoint
CREATE INDEX "complaint_events_closing_idx" ON "complaint_events" USING btree ("complaint_id","stage","occurred_at") WHERE "complaint_events"."type" in ('complaint.closed', 'complaint.withdrawn');