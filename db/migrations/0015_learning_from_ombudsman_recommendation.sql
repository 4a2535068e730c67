-- A learning point may come from one recommendation of the Ombudsman: one more source kind.
ALTER TABLE "learning_points" DROP CONSTRAINT "learning_points_source_kind";--> statement-breakpoint
ALTER TABLE "learning_points" ADD CONSTRAINT "learning_points_source_kind" CHECK ("learning_points"."source_kind" in ('complaint', 'management_review', 'ombudsman_referral', 'ombudsman_recommendation'));
